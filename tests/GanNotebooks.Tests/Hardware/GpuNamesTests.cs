using GanNotebooks.Hardware;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Hardware;

public sealed class GpuNamesTests
{
    [Fact]
    public void Reads_the_model_line_of_every_GPU_in_bus_order()
    {
        using var temp = new TempFolder();
        Write(temp, "0000:01:00.0", "Model: \t\t NVIDIA A10G\nIRQ:  35\n");
        Write(temp, "0000:00:1e.0", "Model: \t\t Tesla T4\nIRQ:  34\n");
        Directory.CreateDirectory(temp.File("0000:02:00.0"));   // no information file: skipped

        Assert.Equal(["Tesla T4", "NVIDIA A10G"], GpuNames.Read(temp.Path));
    }

    [Fact]
    public void No_driver_folder_means_no_GPU()
    {
        Assert.Empty(GpuNames.Read(Path.Combine(Path.GetTempPath(), "no-such-driver-" + Guid.NewGuid())));
    }

    private static void Write(TempFolder temp, string bus, string text)
    {
        Directory.CreateDirectory(temp.File(bus));
        File.WriteAllText(temp.File(bus, "information"), text);
    }
}
