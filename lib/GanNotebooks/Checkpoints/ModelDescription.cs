using GanNotebooks.Models;
using static TorchSharp.torch;

namespace GanNotebooks.Checkpoints;

/// <summary>
/// What a network looks like, as a checkpoint records it: its type name, its sizes in words (for the fully
/// connected GAN: latent size, image, hidden widths, ...) and the name and shape of every tensor it saves.
/// <see cref="Compare"/> says in words how two descriptions differ. Introduced in notebook 02-vanilla-gan.
/// </summary>
/// <param name="Type">The network's type name, e.g. <c>MlpGenerator</c>.</param>
/// <param name="Settings">Sizes and settings in words, e.g. "hidden widths" → "256,512,1024".</param>
/// <param name="Tensors">Every saved tensor (parameters and buffers) with its shape.</param>
public sealed record ModelDescription(string Type, IReadOnlyDictionary<string, string> Settings, IReadOnlyDictionary<string, long[]> Tensors)
{
    /// <summary>Describes <paramref name="module"/>.</summary>
    public static ModelDescription Of(nn.Module module)
    {
        var tensors = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var (name, tensor) in module.state_dict()) tensors[name] = tensor.shape;
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (module is MlpGenerator generator)
        {
            var c = generator.Config;
            settings["latent size"] = c.LatentSize.ToString();
            settings["image"] = $"{c.Channels}x{c.ImageSize}x{c.ImageSize}";
            settings["hidden widths"] = string.Join(",", c.GeneratorHidden);
            settings["LeakyReLU slope"] = c.LeakySlope.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            settings["BatchNorm momentum"] = c.BatchNormMomentum.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (module is MlpDiscriminator)
        {
            var widths = new List<long>();
            for (int i = 1; tensors.TryGetValue($"layers.linear{i}.weight", out var shape); i++) widths.Add(shape[0]);
            if (tensors.TryGetValue("layers.linear1.weight", out var first)) settings["input pixels"] = first[1].ToString();
            settings["hidden widths"] = string.Join(",", widths);
        }
        return new ModelDescription(module.GetType().Name, settings, tensors);
    }

    /// <summary>The first field that is null in a description read from JSON (the type, settings, tensors or a shape), or null.</summary>
    public string? MissingPart()
    {
        if (Type is null) return nameof(Type);
        if (Settings is null) return nameof(Settings);
        if (Tensors is null) return nameof(Tensors);
        foreach (var (name, shape) in Tensors)
            if (shape is null) return $"{nameof(Tensors)}[{name}]";
        return null;
    }

    /// <summary>
    /// The differences between this description (from a checkpoint) and <paramref name="here"/> (the network it is
    /// loaded into), in words prefixed with <paramref name="role"/> (e.g. "generator"); empty when they fit.
    /// </summary>
    public IReadOnlyList<string> Compare(ModelDescription here, string role)
    {
        role = role.Length == 0 ? "" : role + " ";
        var differences = new List<string>();
        if (Type != here.Type)
            differences.Add($"{role}type {Type} in the checkpoint vs {here.Type} here");
        foreach (var (key, value) in Settings)
            if (here.Settings.TryGetValue(key, out var other) && other != value)
                differences.Add($"{role}{key} {value} in the checkpoint vs {other} here");
        if (differences.Count > 0) return differences;

        // Same type and settings (or a network the kit has no words for): compare tensor by tensor.
        foreach (var (name, shape) in Tensors)
        {
            if (!here.Tensors.TryGetValue(name, out var otherShape))
                differences.Add($"{role}tensor {name} {Shape(shape)} is in the checkpoint but not here");
            else if (!shape.SequenceEqual(otherShape))
                differences.Add($"{role}tensor {name} is {Shape(shape)} in the checkpoint vs {Shape(otherShape)} here");
        }
        foreach (var name in here.Tensors.Keys.Where(n => !Tensors.ContainsKey(n)))
            differences.Add($"{role}tensor {name} is here but not in the checkpoint");
        const int shown = 5;
        return differences.Count <= shown ? differences : [.. differences.Take(shown), $"and {differences.Count - shown} more {role}tensor differences"];
    }

    private static string Shape(long[] shape) => $"[{string.Join(",", shape)}]";
}
