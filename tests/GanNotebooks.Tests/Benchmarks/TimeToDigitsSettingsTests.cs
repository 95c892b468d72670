using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GanNotebooks.Benchmarks;
using GanNotebooks.IO;

namespace GanNotebooks.Tests.Benchmarks;

public sealed class TimeToDigitsSettingsTests
{
    private static string Notebook02Parameters()
    {
        var path = Path.Combine(KitPaths.FindRepoRoot(AppContext.BaseDirectory)!, "notebooks", "02-vanilla-gan.ipynb");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cells").EnumerateArray()
            .Select(c => c.GetProperty("source") is { ValueKind: JsonValueKind.Array } a ? string.Concat(a.EnumerateArray().Select(l => l.GetString())) : c.GetProperty("source").GetString()!)
            .Single(s => s.Contains("var learningRate", StringComparison.Ordinal));
    }

    private static string Value(string cell, string pattern) => Regex.Match(cell, pattern).Groups[1].Value.Replace("_", "", StringComparison.Ordinal);

    [Fact]
    public void The_benchmark_measures_notebook_02_as_it_ships()
    {
        var cell = Notebook02Parameters();
        var settings = new TimeToDigits();
        Assert.Equal(double.Parse(Value(cell, @"var learningRate\s*=\s*([0-9.e-]+);"), CultureInfo.InvariantCulture), settings.LearningRate);
        Assert.Equal(double.Parse(Value(cell, @"var finalRate\s*=\s*([0-9.e-]+);"), CultureInfo.InvariantCulture), settings.FinalLearningRate);
        Assert.Equal(int.Parse(Value(cell, @"var trainingSteps\s*=.*full:\s*([0-9_]+)"), CultureInfo.InvariantCulture), settings.DecaySteps);
        Assert.Equal(settings.DecaySteps, settings.MaxSteps);
        Assert.Equal(int.Parse(Value(cell, @"var batchSize\s*=\s*([0-9]+);"), CultureInfo.InvariantCulture), settings.BatchSize);
    }

    [Fact]
    public void The_command_line_sets_a_falling_or_a_constant_rate()
    {
        var falling = BenchmarkOptions.Parse(["time-to-digits", "--learning-rate", "5e-4", "--final-learning-rate", "2e-4", "--decay-steps", "4000", "--run-on"]).Digits;
        Assert.Equal((5e-4, 2e-4, 4000, false), (falling.LearningRate, falling.FinalLearningRate!.Value, falling.DecaySteps, falling.StopWhenRecognisable));
        Assert.Equal("0.0005 → 0.0002 over 4,000 steps", falling.RateDescription);
        var constant = BenchmarkOptions.Parse(["time-to-digits", "--learning-rate", "2e-4", "--final-learning-rate", "2e-4"]).Digits;
        Assert.Equal("0.0002", constant.RateDescription);
        Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(["time-to-digits", "--decay-steps", "0"]));
    }
}
