using System.Text.Json.Nodes;

namespace Mfa.Push.Tests.Transports;

/// <summary>Loads the published vectors under TestData/.</summary>
internal static class TransportTestData
{
    public static JsonNode Load(string fileName) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", fileName)))
        ?? throw new InvalidDataException(fileName);

    public static byte[] B64(JsonNode? node) =>
        System.Buffers.Text.Base64Url.DecodeFromChars((string?)node ?? throw new InvalidDataException("missing value"));

    public static string Text(JsonNode? node) => (string?)node ?? throw new InvalidDataException("missing value");
}
