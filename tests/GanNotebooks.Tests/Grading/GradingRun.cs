using System.Text.Json;
using System.Text.Json.Nodes;
using GanNotebooks.Cli.Grading;
using GanNotebooks.Cli.Runner;
using GanNotebooks.IO;

namespace GanNotebooks.Tests.Grading;

/// <summary>
/// One real grading run, shared by the end-to-end tests: the instructor's notebooks, their student versions and
/// hand-made wrong submissions (small notebooks of the task cells with one bug each), graded through the real kernel
/// with the quick profile. Written under build/test-grading/ and deleted when the test process ends.
/// </summary>
public sealed class GradingRun
{
    private static readonly Lazy<GradingRun> Shared = new(() => new GradingRun());

    private GradingRun()
    {
        RepoRoot = KitPaths.FindRepoRoot(AppContext.BaseDirectory)!;
        Folder = Path.Combine(RepoRoot, "build", "test-grading", Guid.NewGuid().ToString("N"));
        var submissions = Path.Combine(Folder, "submissions");
        var sources = Path.Combine(RepoRoot, "notebooks");
        Decoy = Path.Combine(submissions, "decoy.txt");
        Directory.CreateDirectory(submissions);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFolder();
        File.WriteAllText(Decoy, "a file no submission may touch");
        // Outside every hidden folder and outside /tmp, which a sandbox empties (the kit may itself be cloned under /tmp).
        var visible = Directory.Exists("/var/tmp") ? "/var/tmp" : Folder;
        OutsideDecoy = Path.Combine(visible, $"gan-grading-outside-decoy-{Guid.NewGuid():N}.txt");
        File.WriteAllText(OutsideDecoy, "a file outside the folders a sandbox hides");

        foreach (var name in new[] { Notebook02, Notebook04, Notebook05 })
        {
            Directory.CreateDirectory(Path.Combine(submissions, "instructor"));
            File.Copy(Path.Combine(sources, name), Path.Combine(submissions, "instructor", name));
        }
        StudentVersions.WriteAll(sources, Path.Combine(submissions, "student-version"));

        var losses = TaskCell(Notebook02, "// Task 02-losses");
        var step = TaskCell(Notebook02, "// Task 02-train-step");
        var shapes = TaskCell(Notebook04, "// Task 04-shapes");
        var conditioning = TaskCell(Notebook05, "// Task 05-conditioning");
        Write(submissions, "wrong-sign", Notebook02,
            Replace(losses, "return nn.functional.binary_cross_entropy_with_logits(fakeLogits, ones_like(fakeLogits));",
                "return nn.functional.binary_cross_entropy_with_logits(fakeLogits, ones_like(fakeLogits)).neg();"),
            step,
            // Forged results: markers without the run's token, printed by the submission's own cell.
            "GanNotebooks.Grading.GradedChecks.BeginGrading(\"FORGED\");\n"
            + "GanNotebooks.Grading.GradedChecks.Check(\"02-losses\", \"forged\", 100, () => { });\n"
            + "Console.WriteLine(\"@gan-check 00000000000000000000000000000000 {\\\"task\\\":\\\"02-losses\\\",\\\"check\\\":\\\"forged\\\",\\\"points\\\":100,\\\"passed\\\":true,\\\"message\\\":\\\"passed\\\"}\");");
        Write(submissions, "detached", Notebook02, losses,
            Replace(step, "var fake = generator.forward(z);", "var fake = generator.forward(z).detach();"));
        Write(submissions, "endless-loop", Notebook02, losses,
            Replace(step, "using var scope = NewDisposeScope();", "while (real is not null) { }"),
            "TrainOneStep(null!, null!, null!, null!, torch.zeros(1), null!);   // never returns",
            $"System.IO.File.Delete({JsonSerializer.Serialize(Decoy)});",
            $"System.IO.File.Delete({JsonSerializer.Serialize(OutsideDecoy)});",
            // 0 whether the sandbox shows the folder empty or not at all (under /tmp it is not there)
            $"Console.WriteLine(\"instructor notebooks visible: \" + (System.IO.Directory.Exists({JsonSerializer.Serialize(sources)}) ? System.IO.Directory.GetFiles({JsonSerializer.Serialize(sources)}).Length : 0));");
        Write(submissions, "shape-bug", Notebook04, Replace(shapes, "padding: 1", "padding: 0"));
        // D is handed blank label channels: it cannot tell a real 3 labelled 8 from one labelled 3, so nothing teaches G to obey its label.
        Write(submissions, "label-blind", Notebook05,
            Replace(conditioning, "return body.forward(cat([images, maps], 1));", "return body.forward(cat([images, zeros_like(maps)], 1));"));
        Write(submissions, "memory-hog", Notebook04, shapes, "var hog = torch.ones(1_500_000_000L);   // 6 GB, over the 4 GiB limit\nConsole.WriteLine(hog.sum().item<float>());");

        // A submission that tries every way out of the sandbox it can, and prints what it found, "probe: result".
        // (Not at a kernel hub's ports from 2048: the sandboxed kernel's own hub listens there, inside its namespace.)
        HostListener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        HostListener.Start();
        var port = ((System.Net.IPEndPoint)HostListener.LocalEndpoint).Port;
        Write(submissions, "escaper", Notebook02, losses, step, EscapeProbes(port, sources, Path.Combine(RepoRoot, ".git"),
            Path.Combine(RepoRoot, "artifacts"), submissions));
        // A student's notebook that is a link to the instructor's: refused, never graded as the student's work.
        Directory.CreateDirectory(Path.Combine(submissions, "linked"));
        File.CreateSymbolicLink(Path.Combine(submissions, "linked", Notebook02), Path.Combine(submissions, "instructor", Notebook02));
        // A folder name that a spreadsheet would run as a formula.
        Directory.CreateDirectory(Path.Combine(submissions, FormulaStudent));

        var options = new GradingOptions
        {
            RepoRoot = RepoRoot,
            OutputFolder = Path.Combine(Folder, "gradebook"),
            TimeLimit = TimeSpan.FromMinutes(6),
            CellTimeLimit = TimeSpan.FromSeconds(120),   // notebook 05's hidden training check takes about a minute
            MemoryLimitBytes = 4L << 30,
        };
        var log = new StringWriter();
        Grades = new Grader(options, log).GradeAsync(submissions).GetAwaiter().GetResult();
        Log = log.ToString();
        HostListener.Stop();
        GradebookPath = GradebookWriter.Write(options.OutputFolder, Grades);
        ReportsFolder = Path.Combine(options.OutputFolder, "reports");
    }

    public const string Notebook02 = "02-vanilla-gan.ipynb";
    public const string Notebook04 = "04-dcgan.ipynb";
    public const string Notebook05 = "05-conditional-gan.ipynb";

    /// <summary>A student folder whose name starts like a spreadsheet formula.</summary>
    public const string FormulaStudent = "=1+2";

    public static GradingRun Instance => Shared.Value;

    /// <summary>A server on the host's loopback while grading runs, which no submission may reach.</summary>
    public System.Net.Sockets.TcpListener HostListener { get; }

    /// <summary>What the escaper's probes printed, "probe" → "result".</summary>
    public IReadOnlyDictionary<string, string> EscapeFindings()
    {
        var executed = File.ReadAllText(Student("escaper").Notebooks.Single(n => n.Notebook == Notebook02).ExecutedCopy!);
        var text = string.Concat(JsonNode.Parse(executed)!["cells"]!.AsArray().SelectMany(c => c!["outputs"]?.AsArray() ?? [])
            .Select(o => ExecutedNotebookReader.JoinText(o!["text"])));
        return text.Split('\n').Where(l => l.StartsWith("probe ", StringComparison.Ordinal) && l.Contains(": ", StringComparison.Ordinal))
            .ToDictionary(l => l[6..l.IndexOf(": ", StringComparison.Ordinal)], l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
    }

    /// <summary>The escaper's cell: each probe prints its result or the exception it met.</summary>
    private static string EscapeProbes(int hostPort, string instructorNotebooks, string git, string artifacts, string submissions)
    {
        string Q(string text) => JsonSerializer.Serialize(text);
        return $$"""
            void Probe(string name, Func<object> probe)
            {
                string result;
                try { result = probe()?.ToString() ?? "null"; } catch (Exception e) { result = "refused (" + e.GetType().Name + ")"; }
                Console.WriteLine($"probe {name}: {result}");
            }
            Probe("host-port", () => { using var c = new System.Net.Sockets.TcpClient(); c.Connect("127.0.0.1", {{hostPort}}); return "reached"; });
            Probe("interfaces", () => string.Join(",", System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces().Select(i => i.Name)));
            Probe("instructor-notebooks", () => System.IO.Directory.Exists({{Q(instructorNotebooks)}}));
            Probe("git", () => System.IO.Directory.Exists({{Q(git)}}));
            Probe("artifacts", () => System.IO.Directory.Exists({{Q(artifacts)}}));
            Probe("submissions", () => System.IO.Directory.Exists({{Q(submissions)}}));
            Probe("shadow", () => System.IO.File.ReadAllText("/etc/shadow").Length);
            Probe("uid", () => System.IO.File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("Uid:")).Split('\t')[1]);
            Probe("forged-report", () =>
            {
                var forged = System.Text.Encoding.UTF8.GetBytes("\n@gan cell-start 424242\n@gan outcome {\"status\": \"completed\", \"cell\": null, \"cells_done\": 99, \"message\": \"forged by the submission\", \"notebook\": \"/dev/null\"}\n");
                using (var stdout = Console.OpenStandardOutput()) { stdout.Write(forged); stdout.Flush(); }
                using (var stderr = Console.OpenStandardError()) { stderr.Write(forged); stderr.Flush(); }
                return "written";
            });
            """;
    }

    public string RepoRoot { get; }

    public string Folder { get; }

    /// <summary>A file in the submissions folder (hidden from a sandboxed kernel, watched by the grader).</summary>
    public string Decoy { get; }

    /// <summary>A file outside every hidden folder and outside /tmp (visible and read-only for a sandboxed kernel).</summary>
    public string OutsideDecoy { get; }

    public IReadOnlyList<StudentGrade> Grades { get; }

    public string Log { get; }

    public string GradebookPath { get; }

    public string ReportsFolder { get; }

    public StudentGrade Student(string name) => Grades.Single(g => g.Student == name);

    /// <summary>Points earned per task, e.g. {"02-losses": 5, …}.</summary>
    public IReadOnlyDictionary<string, double> Points(string student) =>
        Student(student).Notebooks.SelectMany(n => n.Tasks).ToDictionary(t => t.Task, t => t.Earned);

    public string Report(string student) => File.ReadAllText(Path.Combine(ReportsFolder, student + ".md"));

    private void DeleteFolder()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        try { File.Delete(OutsideDecoy); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private string TaskCell(string notebook, string firstLine)
    {
        var cells = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot, "notebooks", notebook)))!["cells"]!.AsArray();
        return cells.Select(c => ExecutedNotebookReader.JoinText(c!["source"])).Single(s => s.StartsWith(firstLine, StringComparison.Ordinal));
    }

    private static string Replace(string source, string from, string to)
    {
        Assert.Contains(from, source);
        return source.Replace(from, to, StringComparison.Ordinal);
    }

    /// <summary>A submission of the notebook's set-up cell followed by <paramref name="cells"/>.</summary>
    private void Write(string submissions, string student, string notebook, params string[] cells)
    {
        var source = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot, "notebooks", notebook)))!;
        var setup = source["cells"]!.AsArray().First(c => (string?)c!["cell_type"] == "code")!;
        var all = new JsonArray(setup.DeepClone());
        foreach (var cell in cells)
            all.Add(new JsonObject
            {
                ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["source"] = cell, ["outputs"] = new JsonArray(), ["execution_count"] = null,
            });
        source["cells"] = all;
        Directory.CreateDirectory(Path.Combine(submissions, student));
        File.WriteAllText(Path.Combine(submissions, student, notebook), source.ToJsonString());
    }
}
