using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>
/// An edit that keeps a JSON file's syntax valid but writes one object member twice (the <paramref name="Place"/>-th
/// member in document order, modulo their number), e.g. <c>"cells": [...], "cells": [...]</c>: text that a JSON parser
/// accepts and that a reader must still refuse in its documented way. A file that is not JSON, or has no object
/// member, is left as it is.
/// </summary>
public sealed record JsonMemberDuplication(int Place) : ByteEdit
{
    public override byte[] Apply(byte[] bytes)
    {
        JsonNode? root;
        var members = new List<(JsonObject Owner, string Name)>();
        try
        {
            root = JsonNode.Parse(Encoding.UTF8.GetString(bytes));   // as text, the way the readers read files
            Collect(root, members);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return bytes;
        }
        if (members.Count == 0) return bytes;
        var twice = members[Place % members.Count];
        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
            Write(root, writer, twice);
        return output.ToArray();
    }

    private static void Collect(JsonNode? node, List<(JsonObject Owner, string Name)> members)
    {
        if (node is JsonObject obj)
            foreach (var (name, child) in obj)
            {
                members.Add((obj, name));
                Collect(child, members);
            }
        else if (node is JsonArray array)
            foreach (var item in array) Collect(item, members);
    }

    private static void Write(JsonNode? node, Utf8JsonWriter writer, (JsonObject Owner, string Name) twice)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, child) in obj)
                {
                    int times = ReferenceEquals(obj, twice.Owner) && name == twice.Name ? 2 : 1;
                    for (int i = 0; i < times; i++)
                    {
                        writer.WritePropertyName(name);
                        Write(child, writer, twice);
                    }
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array) Write(item, writer, twice);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
