namespace GanNotebooks.Interactive;
/// <summary>Placeholder.</summary>
public static class NotebookSetup { }
