using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanNotebooks.Training;

/// <summary>Makes a TorchSharp optimizer from <see cref="OptimizerSettings"/>. Introduced in notebook 02-vanilla-gan.</summary>
public static class OptimizerFactory
{
    /// <summary>An optimizer over <paramref name="parameters"/> as <paramref name="settings"/> describe.</summary>
    public static optim.Optimizer Create(OptimizerSettings settings, IEnumerable<Parameter> parameters)
    {
        settings.Validate();
        return settings.Kind switch
        {
            OptimizerKind.Sgd => optim.SGD(parameters, settings.LearningRate),
            OptimizerKind.SgdMomentum => optim.SGD(parameters, settings.LearningRate, momentum: settings.Momentum),
            OptimizerKind.RmsProp => optim.RMSProp(parameters, settings.LearningRate, alpha: settings.RmsPropAlpha),
            OptimizerKind.Adam => new FusedAdam(parameters, settings.LearningRate, settings.Beta1, settings.Beta2),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "unknown optimizer"),
        };
    }
}
