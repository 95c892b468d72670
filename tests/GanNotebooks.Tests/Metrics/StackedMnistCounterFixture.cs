using GanNotebooks.Metrics;

namespace GanNotebooks.Tests.Metrics;

/// <summary>One Stacked MNIST mode counter on the kit's cached MNIST evaluation classifier, shared by a test class.</summary>
public sealed class StackedMnistCounterFixture : IDisposable
{
    private readonly Lazy<StackedMnistModeCounter> counter = new(() => StackedMnistModeCounter.Create(TextWriter.Null));

    public StackedMnistModeCounter Counter => counter.Value;

    public void Dispose()
    {
        if (counter.IsValueCreated) counter.Value.Dispose();
    }
}
