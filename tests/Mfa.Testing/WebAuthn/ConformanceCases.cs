using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Mfa.Testing.WebAuthn;

/// <summary>Loads the WebAuthn conformance fixtures copied under TestData/webauthn (each test project that uses it copies or links them; see Mfa.WebAuthn.Tests/TestData/README.md).</summary>
public static class ConformanceCases
{
    private static readonly string s_root = Path.Combine(NUnit.Framework.TestContext.CurrentContext.TestDirectory, "TestData", "webauthn");

    public static IEnumerable<string> RegistrationIds() => Ids("registration");

    public static IEnumerable<string> AuthenticationIds() => Ids("authentication");

    public static JsonElement Registration(string id) => Load("registration", id);

    public static JsonElement Authentication(string id) => Load("authentication", id);

    /// <summary>Decodes base64url; a few fixtures (the py_webauthn TPM cases) carry standard base64 instead.</summary>
    public static byte[] Bytes(string base64Url) =>
        Base64Url.DecodeFromChars(base64Url.Replace('+', '-').Replace('/', '_').TrimEnd('='));

    public static string? Text(JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.String ? current.GetString() : null;
    }

    public static IReadOnlyList<string> AcceptableErrors(JsonElement testCase) =>
        testCase.GetProperty("expected").TryGetProperty("acceptableErrors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? [.. errors.EnumerateArray().Select(e => e.GetString()!)]
            : [];

    public static X509Certificate2 Anchor(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(s_root, "trust-anchors.json")));
        var der = document.RootElement.GetProperty("anchors").GetProperty(name).GetProperty("der").GetString()!;
        return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(der));
    }

    public static DateTimeOffset ParseTime(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static IEnumerable<string> Ids(string ceremony) =>
        Directory.GetFiles(Path.Combine(s_root, ceremony), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    private static JsonElement Load(string ceremony, string id)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(s_root, ceremony, id + ".json")));
        return document.RootElement.Clone();
    }
}
