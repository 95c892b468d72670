namespace GanNotebooks.Training;

/// <summary>The optimizers the kit compares. Introduced in notebook 02-vanilla-gan (used in 03-optimizers).</summary>
public enum OptimizerKind
{
    /// <summary>Plain stochastic gradient descent.</summary>
    Sgd,

    /// <summary>SGD with (heavy-ball) momentum.</summary>
    SgdMomentum,

    /// <summary>RMSprop: steps scaled by a running average of squared gradients.</summary>
    RmsProp,

    /// <summary>Adam: momentum plus RMSprop-style scaling, with bias correction.</summary>
    Adam,
}
