using GanNotebooks.Models;

namespace GanNotebooks.Tests.Models;

public sealed class ParameterTableTests
{
    [Fact]
    public void Rows_follow_the_layers_with_their_output_shapes()
    {
        using var g = new MlpGenerator();
        var table = ParameterTable.Of(g, 2, 100);
        Assert.Equal(["linear1", "leaky1", "norm1", "linear2", "leaky2", "norm2", "linear3", "leaky3", "norm3", "output", "tanh"],
            table.Rows.Select(r => r.Layer));
        Assert.Equal("[2, 256]", table.Rows[0].OutputShape);
        Assert.Equal("[2, 784]", table.Rows[^1].OutputShape);
        Assert.Equal(25_856, table.Rows[0].Trainable);
        Assert.Equal(512, table.Rows[2].RunningStatistics);
        Assert.True(g.training, "probing must leave the model in training mode");
    }

    [Fact]
    public void Text_form_carries_the_totals()
    {
        using var d = new MlpDiscriminator();
        var text = ParameterTable.Of(d).ToString();
        Assert.Contains("Total: 533,505", text);
    }

    [Fact]
    public void Text_form_keeps_its_columns_aligned_for_long_type_names()
    {
        using var g = new DcganGenerator(new DcganConfig { GeneratorFeatures = 8, MatrixProductLayers = true });
        var lines = ParameterTable.Of(g, 2, 100).ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..^1];
        int shapeColumn = lines[0].IndexOf("Output shape", StringComparison.Ordinal);
        Assert.All(lines[1..], line => Assert.Equal('[', line[shapeColumn]));
    }

    [Fact]
    public void A_conditional_model_is_probed_with_labels()
    {
        var config = new MlpGanConfig { LatentSize = 8, GeneratorHidden = [16], DiscriminatorHidden = [16] };
        using var g = ConditionalGenerator.Mlp(10, config, embeddingSize: 4);

        var table = ParameterTable.Of(g, 2, 8);

        Assert.Equal("[2, 4]", table.Rows.First(r => r.Layer.StartsWith("embedding")).OutputShape);
        Assert.Equal("[2, 784]", table.Rows.Single(r => r.Layer.EndsWith("output")).OutputShape);
        Assert.Equal(10 * 4 + (12 * 16 + 16) + 2 * 16 + (16 * 784 + 784), table.Trainable);
    }
}
