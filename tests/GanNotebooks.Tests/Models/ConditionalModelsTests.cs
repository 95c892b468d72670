using GanNotebooks.Models;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Models;

public sealed class ConditionalModelsTests
{
    private static readonly MlpGanConfig SmallMlp = new() { LatentSize = 16, GeneratorHidden = [32], DiscriminatorHidden = [32] };
    private static readonly DcganConfig SmallConv = new() { LatentSize = 16, GeneratorFeatures = 8, DiscriminatorFeatures = 8 };

    public static TheoryData<string> Kinds() => new() { "mlp", "dcgan" };

    private static (nn.Module<Tensor, Tensor, Tensor> G, nn.Module<Tensor, Tensor, Tensor> D) Build(string kind) => kind == "mlp"
        ? (ConditionalGenerator.Mlp(10, SmallMlp), new ConditionalMlpDiscriminator(10, SmallMlp))
        : (ConditionalGenerator.Dcgan(10, SmallConv), new ConditionalDcganDiscriminator(10, SmallConv));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_label_steers_the_generator_and_the_discriminator(string kind)
    {
        manual_seed(1);
        var (g, d) = Build(kind);
        g.eval();
        d.eval();
        using var z = randn(1, 16).expand(2, 16).contiguous();
        using var labels = tensor(new long[] { 3, 7 });
        using var images = g.forward(z, labels);
        Assert.Equal(new long[] { 2, 1, 28, 28 }, images.shape);
        Assert.False(images[0].allclose(images[1]), "same noise, different labels: the images must differ");

        using var same = images[0].unsqueeze(0).expand(2, 1, 28, 28).contiguous();
        using var logits = d.forward(same, labels);
        Assert.Equal(new long[] { 2 }, logits.shape);
        Assert.NotEqual(logits[0].item<float>(), logits[1].item<float>());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Gradients_reach_the_label_embedding(string kind)
    {
        manual_seed(2);
        var (g, d) = Build(kind);
        using var labels = tensor(new long[] { 0, 1, 2, 3 });
        using var loss = d.forward(g.forward(randn(4, 16), labels), labels).sum();
        loss.backward();
        var embedding = g.named_parameters().Single(p => p.name.StartsWith("embedding")).parameter;
        Assert.True(embedding.grad is not null && embedding.grad.abs().sum().item<float>() > 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Generating_from_a_labels_embedding_is_the_same_as_generating_from_the_label(string kind)
    {
        manual_seed(3);
        var (g, _) = Build(kind);
        g.eval();
        var embedder = (ILabelEmbeddingGenerator)g;
        using var z = randn(3, 16);
        using var labels = tensor(new long[] { 0, 4, 9 });
        using var embedded = embedder.EmbedLabels(labels);
        Assert.Equal(new long[] { 3, 10 }, embedded.shape);
        Assert.Equal(10, embedder.EmbeddingSize);

        using var direct = g.forward(z, labels);
        using var viaEmbedding = embedder.GenerateFromEmbedding(z, embedded);
        Assert.True(direct.allclose(viaEmbedding));

        using var halfway = embedded[0].add(embedded[2]).div(2).unsqueeze(0);   // a point between two classes
        using var between = embedder.GenerateFromEmbedding(z.narrow(0, 0, 1), halfway);
        Assert.Equal(new long[] { 1, 1, 28, 28 }, between.shape);
        Assert.Throws<ArgumentException>(() => embedder.GenerateFromEmbedding(z, embedded.narrow(1, 0, 5)));
    }

    [Fact]
    public void Any_generator_body_can_be_conditioned_and_wrong_noise_is_rejected_by_length()
    {
        manual_seed(4);
        var body = new MlpGenerator(SmallMlp with { LatentSize = 16 + 3 });
        using var g = new ConditionalGenerator(body, classes: 4, latentSize: 16, embeddingSize: 3);
        using var labels = tensor(new long[] { 0, 3 });
        using var images = g.forward(randn(2, 16), labels);
        Assert.Equal(new long[] { 2, 1, 28, 28 }, images.shape);
        Assert.Equal(4 * 3, g.named_parameters().Single(p => p.name.StartsWith("embedding")).parameter.numel());

        var error = Assert.Throws<ArgumentException>(() => g.forward(randn(2, 17), labels));
        Assert.Contains("[batch, 16]", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConditionalGenerator(body, classes: 1, latentSize: 16, embeddingSize: 3));
    }
}
