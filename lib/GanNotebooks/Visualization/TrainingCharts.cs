using GanNotebooks.Training;

namespace GanNotebooks.Visualization;

/// <summary>
/// The standard charts of a GAN run, drawn from its <see cref="TrainingHistory"/>: losses, the discriminator's
/// outputs, and pixel statistics of generated versus real images. Per-step values are noisy, so each curve is
/// smoothed with a moving average. Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class TrainingCharts
{
    /// <summary>Loss_D, its two terms, and Loss_G per step (moving averages over <paramref name="window"/> steps).</summary>
    public static ChartPicture Losses(TrainingHistory history, int window = 50, bool interactive = true) =>
        LineChart.Draw("Losses (moving average)", "step", "loss",
        [
            Series(history, "Loss_D", m => m.DiscriminatorLoss, window),
            Series(history, "D on real: −log D(x)", m => m.DiscriminatorLossReal, window),
            Series(history, "D on fake: −log(1 − D(G(z)))", m => m.DiscriminatorLossFake, window),
            Series(history, "Loss_G", m => m.GeneratorLoss, window),
        ], interactive: interactive);

    /// <summary>Mean D(x) and D(G(z)) per step: where the game stands (½ and ½ at the ideal equilibrium).</summary>
    public static ChartPicture DiscriminatorOutputs(TrainingHistory history, int window = 50, bool interactive = true) =>
        LineChart.Draw("What the discriminator believes (moving average)", "step", "mean output (probability of real)",
        [
            Series(history, "D(x) on real images", m => m.DOfX, window),
            Series(history, "D(G(z)) before D's step", m => m.DOfGBeforeUpdate, window),
            Series(history, "D(G(z)) after D's step", m => m.DOfGAfterUpdate, window),
        ], interactive: interactive);

    /// <summary>Mean and standard deviation of generated and real pixels at each measurement.</summary>
    public static ChartPicture PixelStatistics(TrainingHistory history, bool interactive = true)
    {
        var p = history.Pixels;
        if (p.Count == 0) throw new InvalidOperationException("No pixel statistics yet: call GanTrainer.MeasurePixels during training.");
        var x = p.Select(s => (double)s.Step).ToArray();
        return LineChart.Draw("Pixel statistics: generated vs real", "step", "value (pixels in [-1, 1])",
        [
            new ChartSeries("generated mean", x, p.Select(s => (double)s.GeneratedMean).ToArray()),
            new ChartSeries("real mean", x, p.Select(s => (double)s.RealMean).ToArray()),
            new ChartSeries("generated std", x, p.Select(s => (double)s.GeneratedStd).ToArray()),
            new ChartSeries("real std", x, p.Select(s => (double)s.RealStd).ToArray()),
        ], interactive: interactive);
    }

    private static ChartSeries Series(TrainingHistory history, string name, Func<StepMetrics, float> select, int window)
    {
        if (history.Count == 0) throw new InvalidOperationException("The history is empty: train for at least one step first.");
        var raw = new ChartSeries(name, history.StepNumbers(), history.Column(select));
        return window > 1 ? raw with { Y = Smoothing.MovingAverage(raw.Y, Math.Min(window, raw.Y.Length)) } : raw;
    }
}
