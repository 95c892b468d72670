namespace GanNotebooks.Diagnostics;

/// <summary>
/// One concern of <c>gan doctor</c> (the SDK, TorchSharp's natives, CUDA, data, Jupyter, tools, disk space). Each
/// check takes what it inspects (paths, probes) in its constructor, so that every outcome can be produced in tests.
/// Introduced in notebook 00-setup.
/// </summary>
public interface IDoctorCheck
{
    /// <summary>The check's name, shown in the first column of the doctor's table.</summary>
    string Name { get; }

    /// <summary>Inspects the machine and says what it found.</summary>
    CheckResult Run();
}
