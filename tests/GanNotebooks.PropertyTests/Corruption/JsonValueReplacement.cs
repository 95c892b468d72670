using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>
/// An edit that keeps a JSON file valid but wrong: the value at one place of the document (counted in document
/// order over every object member, array item and the root) replaced by <paramref name="Json"/>, e.g. an array by
/// a string or a string by null. A file that is not JSON (after earlier edits) is left as it is; one that is JSON only
/// once invalid UTF-8 is replaced (as File.ReadAllText does) is rewritten as valid UTF-8.
/// </summary>
public sealed record JsonValueReplacement(int Place, string Json) : ByteEdit
{
    public override byte[] Apply(byte[] bytes)
    {
        JsonNode? root;
        var places = new List<(JsonNode? Parent, string? Name, int Index)> { (null, null, -1) };
        try
        {
            root = JsonNode.Parse(Encoding.UTF8.GetString(bytes));   // as text, the way the readers read files
            Collect(root, places);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)   // not JSON, or an object with a key twice
        {
            return bytes;
        }
        var (parent, name, index) = places[Place % places.Count];
        var replacement = JsonNode.Parse(Json);
        if (parent is null) root = replacement;
        else if (parent is JsonObject obj) obj[name!] = replacement;
        else parent.AsArray()[index] = replacement;
        return root is null ? Encoding.UTF8.GetBytes("null") : Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static void Collect(JsonNode? node, List<(JsonNode? Parent, string? Name, int Index)> places)
    {
        if (node is JsonObject obj)
            foreach (var (name, child) in obj.ToList())
            {
                places.Add((obj, name, -1));
                Collect(child, places);
            }
        else if (node is JsonArray array)
            for (int i = 0; i < array.Count; i++)
            {
                places.Add((array, null, i));
                Collect(array[i], places);
            }
    }
}
