namespace GanNotebooks.Toy;

/// <summary>How the two players of <see cref="BilinearGame"/> take their gradient steps. Introduced in notebook 01-minimax-objective.</summary>
public enum BilinearUpdate
{
    /// <summary>Both step at once from the same point (what naive GAN code does): spirals outwards.</summary>
    Simultaneous,

    /// <summary>x steps first, y answers the new x (what GAN training does: D, then G): stays on a bounded orbit.</summary>
    Alternating,

    /// <summary>Each player steps with the gradient at a look-ahead point: spirals inwards to the equilibrium.</summary>
    Extragradient,
}
