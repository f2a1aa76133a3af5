using System.Text.Json.Nodes;

namespace Mfa.Totp.Tests;

internal static class TestData
{
    public static JsonNode Load(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", relativePath)))
        ?? throw new InvalidDataException(relativePath);

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);
}
