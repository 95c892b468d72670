using System.CommandLine;
using GanNotebooks.Diagnostics;
using GanNotebooks.Hardware;

namespace GanNotebooks.Cli.Commands;

/// <summary>
/// <c>gan doctor</c>: checks the set-up (SDK, TorchSharp's natives, CUDA, data, Jupyter, tools, disk space), prints a
/// table with a fix for every problem, and exits with code 1 when a check fails. Introduced in notebook 00-setup.
/// </summary>
public static class DoctorCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("doctor", "Check the set-up (SDK, TorchSharp natives, CUDA, data, Jupyter, tools, disk) and say how to fix what is wrong.");
        command.SetAction(_ => Run(Doctor.DefaultChecks(), Console.Out));
        return command;
    }

    /// <summary>Runs <paramref name="checks"/>, writes the device line and the table; returns 1 when a check failed, else 0.</summary>
    public static int Run(IEnumerable<IDoctorCheck> checks, TextWriter output)
    {
        var report = Doctor.Run(checks);
        if (report.Results.FirstOrDefault(r => r.Check == "TorchSharp natives") is not { Status: CheckStatus.Fail })
            output.WriteLine($"Device: {ComputeDevice.Describe()}");
        output.Write(report.ToTable());
        return report.HasFailures ? 1 : 0;
    }
}
