using static TorchSharp.torch;

namespace GanNotebooks.Training;

/// <summary>
/// Runs a network in inference mode for a result a notebook keeps: the network in eval mode (BatchNorm uses its
/// running statistics), no gradients, the intermediate tensors freed, the result moved to the CPU, and the network's
/// training flag restored afterwards. Shared by the trainers' Generate and classify helpers.
/// </summary>
internal static class InferenceMode
{
    /// <summary>The result of <paramref name="compute"/> on the CPU, computed with <paramref name="network"/> in inference mode.</summary>
    public static Tensor Run(nn.Module network, Func<Tensor> compute)
    {
        bool wasTraining = network.training;
        network.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            return compute().cpu().MoveToOuterDisposeScope();
        }
        finally
        {
            network.train(wasTraining);
        }
    }
}
