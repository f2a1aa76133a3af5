using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace Mfa.WebAuthn.Metadata.Tests;

/// <summary>The MDS3 fixtures under TestData/mds (see TestData/README.md).</summary>
internal static class MdsTestData
{
    public const string Root = "roots/globalsign-root-r3.der";
    public const string ConformanceRoot = "roots/fido-conformance-mds3-root.pem";
    public const string ExampleRoot = "roots/mds3-spec-example-root.der";
    public const string Blob121 = "real/blob-no121-2024-12-02.jwt";
    public const string Blob95 = "real/blob-no95-2024-09-02.jwt";
    public const string Blob9 = "real/blob-no9-2021-11-10.jwt";
    public const string ConformanceGood = "conformance/conf-good.jwt";
    public const string ExampleBlob = "spec-example/example-blob-jws-signature.jwt";

    public static readonly string[] GlobalSignCrls = ["crls/globalsign-ev-sha256-g3-2024-08-31.crl", "crls/globalsign-root-r3-2024-07-07.crl"];
    public static readonly string[] ConformanceCrls = ["crls/fido-conformance-MDSCA-1.crl", "crls/fido-conformance-MDSROOT.crl"];

    /// <summary>When BLOB no 121 was downloaded; its chain is valid then.</summary>
    public static readonly DateTimeOffset At121 = Time("2024-12-02T00:51:06Z");

    /// <summary>When BLOB no 95 was downloaded; the GlobalSign CRLs are current then.</summary>
    public static readonly DateTimeOffset At95 = Time("2024-09-02T00:42:23Z");

    /// <summary>The only window in which the conformance CRLs are current.</summary>
    public static readonly DateTimeOffset AtConformance = Time("2019-06-01T00:00:00Z");

    public static string PathOf(string relative) => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "mds", relative);

    public static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));

    public static X509Certificate2 Certificate(string relative)
    {
        var bytes = Bytes(relative);
        return relative.EndsWith(".pem", StringComparison.Ordinal)
            ? X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(bytes))
            : X509CertificateLoader.LoadCertificate(bytes);
    }

    public static IReadOnlyList<ReadOnlyMemory<byte>> Crls(IEnumerable<string> relative) => [.. relative.Select(r => (ReadOnlyMemory<byte>)Bytes(r))];

    public static JsonArray Cases() => (JsonArray)JsonNode.Parse(File.ReadAllText(PathOf("cases.json")))!["cases"]!;

    public static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
