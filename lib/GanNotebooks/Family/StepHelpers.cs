using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Family;

/// <summary>
/// What <see cref="GanTrainer"/> and the family's trainers share: the non-finite loss check before an update,
/// gradient norms, freezing a network while the other one steps, a falling learning rate. Introduced in notebook 08-gan-family.
/// </summary>
internal static class StepHelpers
{
    /// <summary>Throws <see cref="TrainingDivergedException"/> when <paramref name="loss"/> is NaN or infinite.</summary>
    public static void ThrowIfNotFinite(Tensor loss, long step, string name)
    {
        float value = loss.item<float>();
        if (!float.IsFinite(value)) throw new TrainingDivergedException(step, name, value);
    }

    /// <summary>The L2 norm of all gradients of <paramref name="modules"/>' parameters, as one vector.</summary>
    public static float GradientNorm(params nn.Module[] modules)
    {
        using var scope = NewDisposeScope();
        // One reduction per gradient (no squared copy of it), then the norm of those norms: ‖(‖g₁‖, …, ‖gₙ‖)‖₂ = ‖g‖₂.
        var norms = modules.SelectMany(m => m.parameters()).Select(p => p.grad).OfType<Tensor>().Select(g => g.norm()).ToList();
        return norms.Count == 0 ? 0f : stack(norms).norm().item<float>();
    }

    /// <summary>
    /// Sets <paramref name="optimizer"/>'s learning rate to <paramref name="settings"/>' rate for the step that has
    /// <paramref name="step"/> steps before it (<see cref="OptimizerSettings.LearningRateAt"/>); nothing to do for a
    /// constant rate. The rate follows from the step alone, so a run resumed from a checkpoint continues on the same schedule.
    /// </summary>
    public static void ScheduleLearningRate(optim.Optimizer optimizer, OptimizerSettings settings, long step)
    {
        if (settings.FinalLearningRate is null) return;
        double rate = settings.LearningRateAt(step);
        foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
    }

    /// <summary>Turns gradients of <paramref name="module"/>'s parameters on or off.</summary>
    public static void SetRequiresGrad(nn.Module module, bool value)
    {
        foreach (var p in module.parameters()) p.requires_grad = value;
    }

    /// <summary>The device of <paramref name="module"/>'s first parameter.</summary>
    public static Device DeviceOf(nn.Module module) =>
        module.parameters().FirstOrDefault()?.device ?? throw new ArgumentException($"{module.GetType().Name} has no parameters to train.", nameof(module));
}
