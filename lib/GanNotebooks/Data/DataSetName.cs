namespace GanNotebooks.Data;

/// <summary>The data sets the kit knows. Introduced in notebook 02-vanilla-gan.</summary>
public enum DataSetName
{
    /// <summary>MNIST handwritten digits (folder and command name <c>mnist</c>).</summary>
    Mnist,

    /// <summary>Zalando's Fashion-MNIST clothing pictures (folder and command name <c>fashion-mnist</c>).</summary>
    FashionMnist,

    /// <summary>Street View House Numbers, 32×32 colour digits (folder and command name <c>svhn</c>); not fetched by default.</summary>
    Svhn,
}
