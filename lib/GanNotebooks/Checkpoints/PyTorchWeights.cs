using GanNotebooks.IO;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace GanNotebooks.Checkpoints;

/// <summary>
/// A network's weights in PyTorch's own file format (what <c>torch.save(model.state_dict(), path)</c> writes), so
/// that a generator trained here can be loaded in Python with <c>torch.load</c> and back. Tensor names are the
/// module's state-dict names, e.g. <c>layers.linear1.weight</c>. Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class PyTorchWeights
{
    /// <summary>Writes <paramref name="module"/>'s parameters and buffers to <paramref name="path"/> (atomically).</summary>
    public static void Export(nn.Module module, string path)
    {
        AtomicFile.Write(path, stream => module.save_py(stream, leaveOpen: true));
    }

    /// <summary>
    /// Loads the weights at <paramref name="path"/> into <paramref name="module"/>. Every tensor must be there with
    /// the same shape; otherwise the module is left unchanged and a <see cref="CheckpointMismatchException"/> names
    /// the file and each difference.
    /// </summary>
    public static void Import(nn.Module module, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No PyTorch weights file at {path}.", path);
        if (GanNotebooks.IO.PathCheck.FileProblem(path) is { } problem)
            throw new CheckpointException(path, $"Cannot read PyTorch weights: {problem}.");
        Dictionary<string, Tensor> loaded;
        try
        {
            using var stream = File.OpenRead(path);
            var table = PyTorchUnpickler.UnpickleStateDict(stream);
            loaded = table.Keys.Cast<string>().ToDictionary(key => key, key => (Tensor)table[key]!);
        }
        catch (Exception e) when (e is not IOException)
        {
            throw new CheckpointException(path, $"{path} is not a PyTorch state dict this kit can read ({e.Message}). Save it in Python with torch.save(model.state_dict(), path).", e);
        }
        try
        {
            var inFile = new ModelDescription(module.GetType().Name, new Dictionary<string, string>(),
                new SortedDictionary<string, long[]>(loaded.ToDictionary(pair => pair.Key, pair => pair.Value.shape), StringComparer.Ordinal));
            var here = ModelDescription.Of(module) with { Type = module.GetType().Name, Settings = new Dictionary<string, string>() };
            var differences = inFile.Compare(here, "");
            if (differences.Count > 0)
                throw new CheckpointMismatchException(path, differences, $"The weights in {path} do not fit this {module.GetType().Name}",
                    "Build the network with the sizes the weights were saved from.");
            module.load_state_dict(loaded, strict: true);
        }
        finally
        {
            foreach (var tensor in loaded.Values) tensor.Dispose();
        }
    }
}
