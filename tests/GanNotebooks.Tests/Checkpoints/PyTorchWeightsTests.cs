using System.Diagnostics;
using GanNotebooks.Checkpoints;
using GanNotebooks.Models;
using GanNotebooks.Tests.Data;
using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Checkpoints;

public sealed class PyTorchWeightsTests
{
    private static MlpGenerator TrainedGenerator()
    {
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1);
        using var data = TrainingRun.RandomImages(32, 4, seed: 2);
        for (int i = 0; i < 3; i++) trainer.TrainStep(data);   // BatchNorm running statistics move away from 0 and 1
        Seeds.Set(1);
        var g = new MlpGenerator(TrainingRun.Tiny);
        using var scope = NewDisposeScope();
        var state = ((nn.Module)typeof(GanTrainer).GetProperty("GeneratorNetwork", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(trainer)!).state_dict();
        g.load_state_dict(state);
        return g;
    }

    [Fact]
    public void Exported_weights_import_into_a_fresh_generator_with_identical_outputs()
    {
        using var folder = new TempFolder();
        var path = folder.File("generator.pt");
        using var trained = TrainedGenerator();
        PyTorchWeights.Export(trained, path);
        Seeds.Set(77);
        using var fresh = new MlpGenerator(TrainingRun.Tiny);
        using var z = randn(10, 8, generator: new Generator(3));
        trained.eval();
        fresh.eval();
        using (var before = fresh.forward(z))
        using (var target = trained.forward(z))
            Assert.False(before.allclose(target), "the fresh generator already matches");
        PyTorchWeights.Import(fresh, path);
        using var a = trained.forward(z);
        using var b = fresh.forward(z);
        Assert.True(a.allclose(b, rtol: 0, atol: 0));
        Assert.Equal(new[] { 'P', 'K' }, File.ReadAllBytes(path)[..2].Select(x => (char)x));   // PyTorch's zip format
    }

    [Fact]
    public void Weights_of_another_architecture_are_rejected_naming_the_tensors()
    {
        using var folder = new TempFolder();
        var path = folder.File("generator.pt");
        using var trained = TrainedGenerator();
        PyTorchWeights.Export(trained, path);
        using var other = new MlpGenerator(TrainingRun.Tiny with { GeneratorHidden = [32, 20] });
        var error = Assert.Throws<CheckpointMismatchException>(() => PyTorchWeights.Import(other, path));
        Assert.Contains(path, error.Message);
        Assert.Contains("tensor layers.linear2.weight is [16,32] in the checkpoint vs [20,32] here", error.Message);
        Assert.StartsWith($"The weights in {path} do not fit this MlpGenerator: tensor layers.linear2.bias is [16]", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_state_dict_is_rejected_naming_it()
    {
        using var folder = new TempFolder();
        var path = folder.File("junk.pt");
        File.WriteAllText(path, "not a pickle");
        using var g = new MlpGenerator(TrainingRun.Tiny);
        var error = Assert.Throws<CheckpointException>(() => PyTorchWeights.Import(g, path));
        Assert.Contains(path, error.Message);
        Assert.Contains("torch.save(model.state_dict(), path)", error.Message);
    }

    [RequiresPythonTorchFact]
    public void Python_loads_the_exported_state_dict_with_the_expected_names_and_shapes()
    {
        using var folder = new TempFolder();
        var path = folder.File("generator.pt");
        using var trained = TrainedGenerator();
        PyTorchWeights.Export(trained, path);
        var script = "import sys, torch\n" +
                     "sd = torch.load(sys.argv[1], map_location='cpu')\n" +
                     "for k, v in sd.items(): print(k, 'x'.join(str(d) for d in v.shape), str(v.dtype))\n";
        var start = new ProcessStartInfo(RequiresPythonTorchFactAttribute.Python) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder.Path };
        foreach (var arg in new[] { "-c", script, path }) start.ArgumentList.Add(arg);
        using var python = Process.Start(start)!;
        var stdout = python.StandardOutput.ReadToEnd();
        var stderr = python.StandardError.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        foreach (var expected in new[]
        {
            "layers.linear1.weight 32x8 torch.float32", "layers.linear1.bias 32 torch.float32",
            "layers.norm1.weight 32 torch.float32", "layers.norm1.running_mean 32 torch.float32", "layers.norm1.running_var 32 torch.float32",
            "layers.linear2.weight 16x32 torch.float32", "layers.output.weight 16x16 torch.float32", "layers.output.bias 16 torch.float32",
        })
            Assert.Contains(expected, lines);
        Assert.Equal(trained.state_dict().Count, lines.Count);
    }
}
