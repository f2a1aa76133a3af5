using System.Text.Json.Nodes;

namespace Mfa.Duo.Tests;

internal static class TestData
{
    public static JsonNode Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "duo", file)))
        ?? throw new InvalidDataException(file);

    /// <summary>For TestCaseSource: TestContext is not ready yet, so resolve from the assembly's folder.</summary>
    public static JsonNode LoadStatic(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "duo", file)))
        ?? throw new InvalidDataException(file);

    public static IEnumerable<TestCaseData> Cases(string file, string array, Func<JsonNode, bool>? where = null)
    {
        var node = LoadStatic(file)[array]!.AsArray();
        foreach (var item in node)
        {
            if (item is not null && (where is null || where(item)))
            {
                yield return new TestCaseData(item.ToJsonString()).SetName(item["id"]!.GetValue<string>());
            }
        }
    }

    public static List<KeyValuePair<string, string>> Pairs(JsonNode? node) =>
        node is JsonArray array
            ? [.. array.Select(p => new KeyValuePair<string, string>(p![0]!.GetValue<string>(), p[1]!.GetValue<string>()))]
            : node is JsonObject obj
                ? [.. obj.Select(p => new KeyValuePair<string, string>(p.Key, p.Value!.GetValue<string>()))]
                : [];
}
