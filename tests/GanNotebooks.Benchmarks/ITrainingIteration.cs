namespace GanNotebooks.Benchmarks;

/// <summary>One full training iteration (take a batch, one D update, one G update), ready to be run again and again.</summary>
public interface ITrainingIteration : IDisposable
{
    /// <summary>Runs one iteration.</summary>
    void Run();
}
