using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;

namespace GanNotebooks.Cli;

/// <summary>
/// The last line of defence of every <c>gan</c> command: an exception that escapes a command becomes one line,
/// <c>gan &lt;command&gt;: &lt;message&gt;</c>, and exit code 1, never a stack trace (<c>GAN_TRACE=1</c> adds the
/// details). A command cancelled by Ctrl-C or SIGTERM keeps exit code 130.
/// </summary>
public static class CommandBoundary
{
    /// <summary>The environment variable that, set to 1, adds the exception's details below the line.</summary>
    public const string TraceVariable = "GAN_TRACE";

    /// <summary>Exit code of a command that failed.</summary>
    public const int Failure = 1;

    /// <summary>Exit code of a command stopped by Ctrl-C or SIGTERM (128 + SIGINT).</summary>
    public const int Stopped = 130;

    /// <summary>Invokes <paramref name="parsed"/> with <paramref name="configuration"/>; failures go to <paramref name="error"/>.</summary>
    public static async Task<int> InvokeAsync(ParseResult parsed, InvocationConfiguration configuration, TextWriter error)
    {
        configuration.EnableDefaultExceptionHandler = false;
        var signalled = 0;
        void Note(PosixSignalContext _) => Interlocked.Exchange(ref signalled, 1);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Note);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Note);
        try
        {
            return await parsed.InvokeAsync(configuration);
        }
        catch (OperationCanceledException) when (Volatile.Read(ref signalled) == 1)
        {
            error.WriteLine($"{CommandName(parsed)}: stopped");
            return Stopped;
        }
        catch (Exception e)
        {
            error.WriteLine($"{CommandName(parsed)}: {MessageOf(e)}");
            if (Environment.GetEnvironmentVariable(TraceVariable) == "1") error.WriteLine(e);
            return Failure;
        }
    }

    /// <summary>The command as typed, e.g. <c>gan data verify</c>.</summary>
    public static string CommandName(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            if (result.Command is not RootCommand) names.Insert(0, result.Command.Name);
        return string.Join(' ', names.Prepend("gan"));
    }

    /// <summary>
    /// The message of the exception that says what went wrong (wrappers such as a type initializer's or a task's
    /// unwrapped), on one line.
    /// </summary>
    public static string MessageOf(Exception exception)
    {
        var inner = exception;
        while (inner is TypeInitializationException or TargetInvocationException or AggregateException { InnerExceptions.Count: 1 }
               && inner.InnerException is { } cause)
            inner = cause;
        var text = string.Join(' ', inner.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return text.Length > 0 ? text : inner.GetType().Name;
    }
}
