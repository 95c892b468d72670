using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Metrics;

/// <summary>
/// The small convolutional network behind the evaluation metrics: image [N, 1, 28, 28] →
/// conv 3×3 (16) → ReLU → max-pool 2 → conv 3×3 (32) → ReLU → max-pool 2 → flatten (1,568) →
/// Linear → ReLU (the <see cref="FeatureSize"/>-unit feature layer) → Linear → one logit per class.
/// The feature layer is the space in which Fréchet distance, precision and recall are measured; the logits give
/// the class probabilities for the Inception Score and mode coverage. Introduced in notebook 07-evaluating-gans.
/// </summary>
public sealed class ClassifierNetwork : Module<Tensor, Tensor>
{
    /// <summary>Width of the feature layer: 128.</summary>
    public const int FeatureSize = 128;

    private readonly Sequential body;
    private readonly Linear head;

    /// <summary>Builds the network with freshly initialised weights for <paramref name="classes"/> classes.</summary>
    public ClassifierNetwork(int classes = 10) : base(nameof(ClassifierNetwork))
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "a classifier needs at least 2 classes");
        Classes = classes;
        body = Sequential(
            ("conv1", Conv2d(1, 16, 3, padding: 1)),
            ("relu1", ReLU()),
            ("pool1", MaxPool2d(2)),
            ("conv2", Conv2d(16, 32, 3, padding: 1)),
            ("relu2", ReLU()),
            ("pool2", MaxPool2d(2)),
            ("flatten", Flatten()),
            ("features", Linear(32 * 7 * 7, FeatureSize)),
            ("relu3", ReLU()));
        head = Linear(FeatureSize, classes);
        RegisterComponents();
    }

    /// <summary>Number of classes (width of the logits).</summary>
    public int Classes { get; }

    /// <summary>Maps images [N, 1, 28, 28] in [-1, 1] to class logits [N, classes].</summary>
    public override Tensor forward(Tensor images)
    {
        using var features = body.forward(images);
        return head.forward(features);
    }

    /// <summary>Maps images [N, 1, 28, 28] to both the features [N, 128] and the logits [N, classes].</summary>
    public (Tensor Features, Tensor Logits) ForwardWithFeatures(Tensor images)
    {
        var features = body.forward(images);
        return (features, head.forward(features));
    }
}
