using GanNotebooks.Data;
using GanNotebooks.Metrics;

namespace GanNotebooks.Tests.Metrics;

/// <summary>
/// One evaluator on the kit's MNIST for all tests that need a real classifier: it loads the cached classifier in
/// <c>data/mnist/classifier</c>, or trains it there with the default options the first time (under a minute on the
/// 9,000-image subset, 2 idle cores), as <c>gan evaluate</c> would.
/// </summary>
public sealed class MnistEvaluatorFixture : IDisposable
{
    private readonly Lazy<SampleEvaluator> evaluator = new(() => SampleEvaluator.Create(DataSetName.Mnist, log: TextWriter.Null));

    public SampleEvaluator Evaluator => evaluator.Value;

    public void Dispose()
    {
        if (evaluator.IsValueCreated) evaluator.Value.Dispose();
    }
}
