using System.Globalization;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Models;

/// <summary>
/// A model's layers with their output shapes and parameter counts, like Keras's <c>model.summary()</c>. The total
/// counts BatchNorm's running mean and variance as Keras does (not PyTorch's <c>num_batches_tracked</c> counter).
/// Returned from a notebook cell it renders as a table. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed class ParameterTable
{
    private ParameterTable(string model, IReadOnlyList<ParameterTableRow> rows)
    {
        Model = model;
        Rows = rows;
    }

    /// <summary>The model's name.</summary>
    public string Model { get; }

    /// <summary>One row per layer, in the order the layers run.</summary>
    public IReadOnlyList<ParameterTableRow> Rows { get; }

    /// <summary>Trainable parameters of the whole model.</summary>
    public long Trainable => Rows.Sum(r => r.Trainable);

    /// <summary>Running statistics of the whole model.</summary>
    public long RunningStatistics => Rows.Sum(r => r.RunningStatistics);

    /// <summary>Trainable parameters plus running statistics: the figure Keras reports as "Total params".</summary>
    public long Total => Trainable + RunningStatistics;

    /// <summary>
    /// Summarises <paramref name="model"/>. When <paramref name="probeInputShape"/> is given, a zero batch of that
    /// shape is passed through the model (in eval mode, without gradients) and each layer's output shape is recorded.
    /// A conditional model (two inputs: data and labels, notebook 05-conditional-gan) gets class 0 for every row of
    /// the probe as its labels.
    /// </summary>
    public static ParameterTable Of(nn.Module model, params long[] probeInputShape)
    {
        var shapes = probeInputShape.Length > 0 ? ProbeShapes(model, probeInputShape) : new Dictionary<string, string>();
        var rows = new List<ParameterTableRow>();
        foreach (var (name, module) in model.named_modules())
        {
            if (string.IsNullOrEmpty(name) || module.children().Any()) continue;
            long trainable = module.parameters(recurse: false).Sum(p => p.numel());
            long running = module.named_buffers(recurse: false)
                .Where(b => b.name is "running_mean" or "running_var").Sum(b => b.buffer.numel());
            rows.Add(new ParameterTableRow(ShortName(name), module.GetType().Name, shapes.GetValueOrDefault(name, ""), trainable, running));
        }
        return new ParameterTable(model.GetName(), rows);
    }

    /// <summary>A plain-text table for consoles and logs.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        int layerWidth = Rows.Select(r => r.Layer.Length).Append(12).Max();
        int typeWidth = Rows.Select(r => r.Type.Length).Append(12).Max();
        int shapeWidth = Rows.Select(r => r.OutputShape.Length).Append(16).Max();
        text.AppendLine($"{Model}");
        text.AppendLine($"{"Layer".PadRight(layerWidth)} {"Type".PadRight(typeWidth)} {"Output shape".PadRight(shapeWidth)} {"Parameters",12} {"Running stats",14}");
        foreach (var r in Rows)
            text.AppendLine($"{r.Layer.PadRight(layerWidth)} {r.Type.PadRight(typeWidth)} {r.OutputShape.PadRight(shapeWidth)} {Count(r.Trainable),12} {Count(r.RunningStatistics),14}");
        text.AppendLine($"Trainable: {Count(Trainable)}   Running statistics: {Count(RunningStatistics)}   Total: {Count(Total)}");
        return text.ToString();
    }

    /// <summary>Formats a count with thousands separators, e.g. 1,493,520.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string ShortName(string name) => name.Contains('.') ? name[(name.LastIndexOf('.') + 1)..] : name;

    private static Dictionary<string, string> ProbeShapes(nn.Module model, long[] shape)
    {
        var result = new Dictionary<string, string>();
        if (model is not (nn.Module<Tensor, Tensor> or nn.Module<Tensor, Tensor, Tensor>)) return result;
        var removers = new List<Action>();
        foreach (var (name, module) in model.named_modules())
        {
            if (string.IsNullOrEmpty(name) || module.children().Any() || module is not nn.Module<Tensor, Tensor> layer) continue;
            var hook = layer.register_forward_hook((_, _, output) =>
            {
                result[name] = "[" + string.Join(", ", output.shape) + "]";
                return output;
            });
            removers.Add(hook.remove);
        }
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var device = model.parameters().FirstOrDefault()?.device ?? CPU;
            var input = zeros(shape, device: device);
            if (model is nn.Module<Tensor, Tensor> runnable) runnable.forward(input);
            else ((nn.Module<Tensor, Tensor, Tensor>)model).forward(input, zeros(shape[0], ScalarType.Int64, device));
        }
        finally
        {
            foreach (var remove in removers) remove();
            model.train(wasTraining);
        }
        return result;
    }
}
