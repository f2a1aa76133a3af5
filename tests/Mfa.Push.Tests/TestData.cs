using System.Text.Json.Nodes;

namespace Mfa.Push.Tests;

internal static class TestData
{
    public static JsonNode Load(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", relativePath)))
        ?? throw new InvalidDataException(relativePath);

    public static JsonNode Example { get; } = LoadExample();

    public static string Str(JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidDataException("missing value");

    private static JsonNode LoadExample() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "push", "mfa-push-protocol-v1-example.json")))
        ?? throw new InvalidDataException("example");
}
