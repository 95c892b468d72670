namespace GanNotebooks.Benchmarks;

/// <summary>The command line: which benchmark and its settings. Bad options throw <see cref="ArgumentException"/> with the fix.</summary>
public sealed record BenchmarkOptions
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        gan-benchmarks <all|training|data|memory|time-to-digits> [options]
          --cases a,b          training and memory cases: mlp-b32, mlp-b128, dcgan-b64, cgan-b64 (default: all; memory: mlp-b128, dcgan-b64)
          --rounds N           alternating rounds of kit / bare / PyTorch per case (default 2)
          --warmup N --repetitions N --iterations N   timing protocol per round (default 30, 8, 20)
          --steps N            steps of each memory run (default 10000)
          --threads N          libtorch intra-op threads of the C# side (default: all cores)
          --learning-rate X --batch-size N --max-steps N   time-to-digits: notebook 02's settings to try (default 5e-4, 128, 8000)
          --final-learning-rate X --decay-steps N   time-to-digits: the rate falls linearly to X over N steps (default 1e-4
                               over 8000, notebook 02's); X equal to --learning-rate gives a constant rate
          --run-on             time-to-digits: train on to --max-steps after the digits are recognisable (final FD)
          --pictures DIR       time-to-digits: save a grid of 100 checked samples every 1,000 steps and at the end
          --no-pytorch         skip the PyTorch reference
          --out FILE           write the Markdown results there (default artifacts/benchmarks/performance.md)
        """;

    /// <summary>all, training, data, memory or time-to-digits.</summary>
    public required string Command { get; init; }

    /// <summary>Cases named with --cases, or null.</summary>
    public string? Cases { get; init; }

    /// <summary>Alternating rounds.</summary>
    public int Rounds { get; init; } = 2;

    /// <summary>The timing protocol.</summary>
    public IterationTimer Timer { get; init; } = new();

    /// <summary>Steps of each memory run.</summary>
    public int MemorySteps { get; init; } = 10_000;

    /// <summary>libtorch intra-op threads of the C# side; null for one per core.</summary>
    public int? Threads { get; init; }

    /// <summary>The time-to-digits run: notebook 02's defaults unless changed on the command line.</summary>
    public TimeToDigits Digits { get; init; } = new();

    /// <summary>Whether to run the PyTorch reference.</summary>
    public bool PyTorch { get; init; } = true;

    /// <summary>Where the Markdown goes; null for the default.</summary>
    public string? Out { get; init; }

    /// <summary>Reads the command line.</summary>
    public static BenchmarkOptions Parse(string[] args)
    {
        string[] commands = ["all", "training", "data", "memory", "time-to-digits", "peak"];
        if (args.Length == 0 || !commands.Contains(args[0])) throw new ArgumentException($"give one of {string.Join(", ", commands)} first.");
        var options = new BenchmarkOptions { Command = args[0] };
        var timer = options.Timer;
        for (int i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Count() => int.TryParse(Value(), out var n) && n > 0 ? n : throw new ArgumentException($"{args[i - 1]} needs a whole number of at least 1, got '{args[i]}'.");
            double Rate() => double.TryParse(Value(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x) && x > 0 && x < 1
                ? x : throw new ArgumentException($"{args[i - 1]} needs a number between 0 and 1, got '{args[i]}'.");
            options = args[i] switch
            {
                "--cases" => options with { Cases = Value() },
                "--rounds" => options with { Rounds = Count() },
                "--warmup" => options with { Timer = timer = timer with { Warmup = Count() } },
                "--repetitions" => options with { Timer = timer = timer with { Repetitions = Count() } },
                "--iterations" => options with { Timer = timer = timer with { Iterations = Count() } },
                "--steps" => options with { MemorySteps = Count() },
                "--threads" => options with { Threads = Count() },
                "--learning-rate" => options with { Digits = options.Digits with { LearningRate = Rate() } },
                "--batch-size" => options with { Digits = options.Digits with { BatchSize = Count() } },
                "--max-steps" => options with { Digits = options.Digits with { MaxSteps = Count() } },
                "--final-learning-rate" => options with { Digits = options.Digits with { FinalLearningRate = Rate() } },
                "--decay-steps" => options with { Digits = options.Digits with { DecaySteps = Count() } },
                "--run-on" => options with { Digits = options.Digits with { StopWhenRecognisable = false } },
                "--pictures" => options with { Digits = options.Digits with { PicturesFolder = Value() } },
                "--no-pytorch" => options with { PyTorch = false },
                "--out" => options with { Out = Value() },
                _ => throw new ArgumentException($"unknown option '{args[i]}'."),
            };
        }
        BenchmarkCase.Parse(options.Cases);   // unknown case names fail here, before anything runs
        return options;
    }
}
