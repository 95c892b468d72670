using GanNotebooks.Family;
using GanNotebooks.Models;
using GanNotebooks.Tests.Fixtures;
using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Family;

public sealed class InfoGanTests
{
    [Fact]
    public void The_generator_input_is_noise_then_one_hot_category_then_continuous_codes()
    {
        var codes = new InfoGanCodes { NoiseSize = 2, Categories = 3, ContinuousCodes = 2 };
        Assert.Equal(7, codes.LatentSize);
        using var latent = new InfoGanLatent(tensor(new float[] { 0.5f, -1f }).view(1, 2), tensor(new long[] { 2 }), tensor(new float[] { 0.25f, -0.75f }).view(1, 2));
        using var input = codes.Compose(latent);
        Assert.Equal([0.5f, -1f, 0, 0, 1, 0.25f, -0.75f], input.data<float>().ToArray());
    }

    [Fact]
    public void Sampled_codes_are_in_range()
    {
        var codes = new InfoGanCodes { NoiseSize = 4, Categories = 10, ContinuousCodes = 2 };
        using var latent = codes.Sample(2000, new Generator(1));
        Assert.Equal(new long[] { 2000, 4 }, latent.Noise.shape);
        Assert.Equal(0, latent.Categories.min().item<long>());
        Assert.Equal(9, latent.Categories.max().item<long>());
        Assert.True(latent.Continuous.abs().max().item<float>() <= 1f);
        Assert.True(latent.Continuous.min().item<float>() < -0.9f && latent.Continuous.max().item<float>() > 0.9f);
    }

    [Fact]
    public void The_category_grid_varies_only_the_category_along_a_row()
    {
        var codes = new InfoGanCodes { NoiseSize = 3, Categories = 4, ContinuousCodes = 2 };
        using var noise = randn(2, 3, generator: new Generator(2));
        using var grid = codes.CategoryGrid(noise);
        Assert.Equal([0L, 1, 2, 3, 0, 1, 2, 3], grid.Categories.data<long>().ToArray());
        Assert.True(grid.Noise[1].equal(noise[0]).all().item<bool>() && grid.Noise[3].equal(noise[0]).all().item<bool>());
        Assert.True(grid.Noise[4].equal(noise[1]).all().item<bool>());
        Assert.Equal(0f, grid.Continuous.abs().max().item<float>());
    }

    [Fact]
    public void The_continuous_grid_sweeps_one_code_and_keeps_the_rest()
    {
        var codes = new InfoGanCodes { NoiseSize = 3, Categories = 4, ContinuousCodes = 2 };
        using var noise = randn(2, 3, generator: new Generator(3));
        using var grid = codes.ContinuousGrid(noise, code: 1, steps: 5, low: -2, high: 2);
        Assert.Equal(new long[] { 10, 2 }, grid.Continuous.shape);
        Assert.Equal([-2f, -1f, 0f, 1f, 2f], grid.Continuous[TensorIndex.Slice(0, 5), 1].data<float>().ToArray());
        Assert.Equal(0f, grid.Continuous[TensorIndex.Colon, 0].abs().max().item<float>());
        Assert.Equal([0L, 0, 0, 0, 0, 1, 1, 1, 1, 1], grid.Categories.data<long>().ToArray());
        Assert.True(grid.Noise[9].equal(noise[1]).all().item<bool>());
        Assert.Throws<ArgumentOutOfRangeException>(() => codes.ContinuousGrid(noise, code: 2));
    }

    [Fact]
    public void The_discriminators_give_a_logit_and_every_code_prediction()
    {
        manual_seed(4);
        var codes = new InfoGanCodes { NoiseSize = 5, Categories = 10, ContinuousCodes = 2 };
        using var mlp = InfoGanDiscriminator.Mlp(new MlpGanConfig { DiscriminatorHidden = [32, 16] }, codes);
        using var conv = InfoGanDiscriminator.Dcgan(new DcganConfig { DiscriminatorFeatures = 8 }, codes);
        using var images = rand(3, 1, 28, 28);
        foreach (var d in new[] { mlp, conv })
        {
            var heads = d.Heads(images);
            Assert.Equal(new long[] { 3 }, heads.Logits.shape);
            Assert.Equal(new long[] { 3, 10 }, heads.CategoryLogits.shape);
            Assert.Equal(new long[] { 3, 2 }, heads.ContinuousMeans.shape);
            d.eval();
            Assert.True(d.forward(images).allclose(d.Heads(images).Logits));
        }
    }

    [Fact]
    public void The_information_loss_is_cross_entropy_plus_squared_error()
    {
        // Uniform logits over 4 categories: −log ¼ = ln 4. Continuous: errors 0.5 and −1 → mean square 0.625.
        var heads = new InfoGanHeads(zeros(2), zeros(2, 4), tensor(new float[] { 0.5f, 0f }).view(2, 1));
        using var latent = new InfoGanLatent(zeros(2, 1), tensor(new long[] { 1, 3 }), tensor(new float[] { 0f, 1f }).view(2, 1));
        var (categorical, continuous) = InfoGanLosses.Information(heads, latent);
        Assert.Equal(Math.Log(4), categorical.item<float>(), 5);
        Assert.Equal(0.625, continuous.item<float>(), 6);

        // Confident right logits: almost no categorical loss.
        var sure = new InfoGanHeads(zeros(2), tensor(new float[] { 0, 20, 0, 0, 0, 0, 0, 20 }).view(2, 4), tensor(new float[] { 0f, 1f }).view(2, 1));
        var (sureCategorical, sureContinuous) = InfoGanLosses.Information(sure, latent);
        Assert.True(sureCategorical.item<float>() < 1e-6f);
        Assert.Equal(0f, sureContinuous.item<float>());
    }

    [Fact]
    public void Codes_that_do_not_fit_the_networks_are_refused()
    {
        var codes = new InfoGanCodes { NoiseSize = 4, Categories = 3, ContinuousCodes = 1 };
        var config = new MlpGanConfig { LatentSize = 9, ImageSize = 4, GeneratorHidden = [8], DiscriminatorHidden = [8] };
        using var generator = new MlpGenerator(config);
        using var discriminator = InfoGanDiscriminator.Mlp(config, codes);
        var error = Assert.Throws<ArgumentException>(() => new InfoGanTrainer(generator, discriminator, new InfoGanTrainerOptions { Codes = codes }));
        Assert.Contains("latent size of 8", error.Message);
        Assert.Contains("InformationWeight", Assert.Throws<ArgumentException>(() => new InfoGanTrainerOptions { InformationWeight = -1 }.Validate()).Message);
    }

    /// <summary>
    /// Four kinds of 4×4 images (a bright quadrant each). Within a few hundred steps Q must name the categorical code of
    /// G's images far above chance (¼), and the code must mostly line up with the four kinds.
    /// </summary>
    [Fact]
    public void Q_recovers_the_categorical_code_from_generated_images()
    {
        using var oneThread = new OneTorchThread();
        manual_seed(5);
        var kinds = arange(512, ScalarType.Int64).remainder(4);
        var patterns = full(4, 1, 4, 4, -0.8f);
        for (int k = 0; k < 4; k++)
        {
            int top = k / 2 * 2, left = k % 2 * 2;
            patterns[k, 0, TensorIndex.Slice(top, top + 2), TensorIndex.Slice(left, left + 2)] = tensor(0.8f);
        }
        var images = patterns.index_select(0, kinds);
        images += 0.05f * randn(512, 1, 4, 4, generator: new Generator(6));
        var codes = new InfoGanCodes { NoiseSize = 4, Categories = 4, ContinuousCodes = 1 };
        var config = new MlpGanConfig { LatentSize = codes.LatentSize, ImageSize = 4, GeneratorHidden = [32], DiscriminatorHidden = [32] };
        var adam = new OptimizerSettings { LearningRate = 1e-3 };
        using var trainer = new InfoGanTrainer(new MlpGenerator(config), InfoGanDiscriminator.Mlp(config, codes),
            new InfoGanTrainerOptions { Codes = codes, Seed = 5, GeneratorOptimizer = adam, DiscriminatorOptimizer = adam });
        for (int step = 0; step < 300; step++) trainer.TrainStep(images.narrow(0, step * 64 % 512, 64));

        using var latent = trainer.SampleLatent(400);
        using var generated = trainer.Generate(latent);
        using var named = trainer.PredictCategories(generated);
        double accuracy = named.eq(latent.Categories.cpu()).to_type(ScalarType.Float32).mean().item<float>();
        Assert.True(accuracy > 0.8, $"Q named the code of {accuracy:P0} of G's images (chance 25%)");
        // Which kind each generated image looks like: the pattern it is closest to.
        var kindOfImage = (generated.view(400, 1, 16) - patterns.view(1, 4, 16)).square().sum(2).argmin(1);
        var match = CodeAssignment.Best(latent.Categories.cpu().data<long>().ToArray(), kindOfImage.data<long>().ToArray(), 4);
        // InfoGAN does not promise that the code takes the kinds (noise could carry them), but here it mostly does:
        // a code unrelated to the kinds would match about a quarter of the images.
        Assert.True(match.Accuracy > 0.6, $"the code picks the image kind for {match.Accuracy:P0} of G's images under the best matching");
        var last = trainer.History[^1];
        Assert.True(last.CategoricalInformationLoss < 0.5 * Math.Log(4), $"categorical information loss {last.CategoricalInformationLoss}");
    }
}
