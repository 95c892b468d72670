using System.Diagnostics;
using GanNotebooks.Data;
using GanNotebooks.Metrics;
using GanNotebooks.Models;
using GanNotebooks.Training;
using GanNotebooks.Visualization;
using static TorchSharp.torch;

namespace GanNotebooks.Benchmarks;

/// <summary>
/// How long notebook 02-vanilla-gan's default run (MLP GAN, batch 128, Adam β1 0.5 at a rate falling from 5e-4 to 1e-4 over 8,000 steps, seed 42, the same
/// initial weights and batches) trains before its samples are clearly recognisable digits of all ten classes
/// (<see cref="DigitsCheck.Recognisable"/>). Samples for the checks come from noise of their own generator, so the
/// training is exactly the notebook's; the clock stops during checks.
/// </summary>
/// <param name="CheckEvery">Steps between two checks.</param>
/// <param name="MaxSteps">Steps after which the run gives up (notebook 02 trains 8,000).</param>
/// <param name="LearningRate">Adam's rate for both networks at the first step (notebook 02: 5e-4).</param>
/// <param name="BatchSize">Images per step (notebook 02: 128).</param>
/// <param name="PicturesFolder">Where a grid of 100 checked samples is saved every <paramref name="PictureEvery"/> steps and at the end, to judge the criterion by eye; null for none.</param>
/// <param name="PictureEvery">Steps between two saved grids.</param>
/// <param name="FinalLearningRate">Where the falling rate ends (<see cref="OptimizerSettings.FinalLearningRate"/>; notebook 02: 1e-4); null, or the same as <paramref name="LearningRate"/>, for a constant rate.</param>
/// <param name="DecaySteps">Steps over which the rate falls to <paramref name="FinalLearningRate"/> (notebook 02: its 8,000 steps).</param>
/// <param name="StopWhenRecognisable">Whether the run ends at the first recognisable check, or trains on to <paramref name="MaxSteps"/> (to see where it ends).</param>
public sealed record TimeToDigits(int CheckEvery = 100, int MaxSteps = 8_000, double LearningRate = 5e-4, int BatchSize = 128,
    string? PicturesFolder = null, int PictureEvery = 1_000, double? FinalLearningRate = 1e-4, int DecaySteps = 8_000, bool StopWhenRecognisable = true)
{
    /// <summary>The rate as the report names it: "2e-4", or "5e-4 → 2e-4 over 8,000 steps".</summary>
    public string RateDescription => FinalLearningRate is { } end && end != LearningRate
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{LearningRate:0.#####} → {end:0.#####} over {DecaySteps:N0} steps")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{LearningRate:0.#####}");

    /// <summary>Trains and checks until the samples are recognisable or <see cref="MaxSteps"/> pass; returns every check and the real test digits' reading.</summary>
    public (IReadOnlyList<DigitsCheck> Checks, DigitsCheck RealDigits) Run(TextWriter log)
    {
        using var evaluator = SampleEvaluator.Create(DataSetName.Mnist, log: log);
        using var test = DataSets.Load(DataSetName.Mnist, DataSplit.Test);
        var realDigits = Check(evaluator, test.Images.narrow(0, 0, 1000), 0, 0);
        Seeds.Set(42);
        using var train = DataSets.Load(DataSetName.Mnist, DataSplit.Train);
        var config = new MlpGanConfig();
        var adam = new OptimizerSettings { LearningRate = LearningRate, Beta1 = 0.5, FinalLearningRate = FinalLearningRate, DecaySteps = DecaySteps };
        using var trainer = new GanTrainer(new MlpGenerator(config), new MlpDiscriminator(config),
            new GanTrainerOptions { DiscriminatorOptimizer = adam, GeneratorOptimizer = adam, Seed = 42 });
        var batches = new ShuffledBatches(train.Images, BatchSize, 42);
        using var checkNoise = new Generator(2026);
        using var z = randn(1000, config.LatentSize, generator: checkNoise);
        var checks = new List<DigitsCheck>();
        var clock = new Stopwatch();
        while (trainer.Step < MaxSteps)
        {
            foreach (var batch in batches.NextEpoch())
            {
                clock.Start();
                using (batch) trainer.TrainStep(batch);
                clock.Stop();
                if (trainer.Step % CheckEvery != 0) continue;
                using var samples = trainer.Generate(z);
                checks.Add(Check(evaluator, samples, trainer.Step, clock.Elapsed.TotalSeconds));
                var c = checks[^1];
                log.WriteLine($"  step {c.Step:N0}, {c.TrainingSeconds:F1} s: {c.ConfidentShare:P0} read confidently, rarest digit {c.SmallestClassShare:P1}, FD {c.FrechetDistance:F1}");
                bool last = (StopWhenRecognisable && c.Recognisable) || trainer.Step >= MaxSteps;
                if (PicturesFolder is not null && (last || trainer.Step % PictureEvery == 0))
                {
                    Directory.CreateDirectory(PicturesFolder);
                    ImageGrid.ToPng(samples.narrow(0, 0, 100), nrow: 10, valueRange: (-1, 1), scale: 2)
                        .Save(Path.Combine(PicturesFolder, $"step-{trainer.Step:D5}.png"));
                }
                if (last) return (checks, realDigits);
            }
        }
        return (checks, realDigits);
    }

    private static DigitsCheck Check(SampleEvaluator evaluator, Tensor images, long step, double seconds)
    {
        using var scope = NewDisposeScope();
        var report = evaluator.Evaluate(images);
        var (_, probabilities) = evaluator.Classifier.Embed(images);
        var (best, predicted) = probabilities.max(1);
        var confident = best.ge(0.9);
        double share = confident.to_type(ScalarType.Float32).mean().item<float>();
        var counts = bincount(predicted.masked_select(confident), minlength: 10).data<long>().ToArray();
        long total = counts.Sum();
        double smallest = total == 0 ? 0 : counts.Min() / (double)total;
        return new DigitsCheck(step, seconds, share, smallest, report.FrechetDistance);
    }
}
