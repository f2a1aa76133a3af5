using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mfa.Cli.Cli;

/// <summary>Writes the tool's JSON output: indented, camelCase, one document per command.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions s_options = new() { WriteIndented = true };

    public static void Write(TextWriter output, JsonNode node) => output.WriteLine(node.ToJsonString(s_options));
}
