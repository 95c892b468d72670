using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace GanNotebooks.Interactive;

/// <summary>
/// One output in the running cell that is replaced in place as training goes on, instead of hundreds of
/// outputs. It publishes the first value and then updates under one display id of its own, which front ends
/// (VS Code, Jupyter) and executed notebooks both honour: the saved notebook keeps the last value. Outside a
/// notebook (console, tests) it does nothing. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed class LiveDisplay
{
    private readonly KernelInvocationContext? context;
    private readonly string id = Guid.NewGuid().ToString("N");
    private readonly string[] mimeTypes;
    private bool shown;

    /// <summary>A live display for values shown as <paramref name="mimeTypes"/> (default: the value type's preferred ones).</summary>
    public LiveDisplay(params string[] mimeTypes)
    {
        context = KernelInvocationContext.Current;
        this.mimeTypes = mimeTypes;
    }

    /// <summary>Shows <paramref name="value"/>: the first call adds the output, later calls replace it.</summary>
    public void Show(object value)
    {
        if (context is null) return;
        var types = mimeTypes.Length > 0 ? mimeTypes : Formatter.GetPreferredMimeTypesFor(value.GetType()).ToArray();
        var formatted = FormattedValue.CreateManyFromObject(value, types);
        if (!shown) context.Publish(new DisplayedValueProduced(value, context.Command, formatted, id));
        else context.Publish(new DisplayedValueUpdated(value, id, context.Command, formatted));
        shown = true;
    }
}
