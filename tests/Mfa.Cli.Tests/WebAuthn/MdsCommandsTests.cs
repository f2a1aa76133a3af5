using System.Text.Json;
using System.Text.Json.Nodes;
using Mfa.Cli.Cli;

namespace Mfa.Cli.Tests.WebAuthn;

/// <summary><c>mfa webauthn mds verify|show</c> and <c>verify-registration --mds</c> on the MDS3 fixtures (real BLOB no 121, the spec example).</summary>
[TestFixture]
public sealed class MdsCommandsTests
{
    private const string At121 = "2024-12-02T00:51:06Z";
    private static readonly string s_data = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData");
    private static readonly string s_blob121 = Path.Combine(s_data, "mds", "real", "blob-no121-2024-12-02.jwt");
    private static readonly string s_root = Path.Combine(s_data, "mds", "roots", "globalsign-root-r3.der");
    private static readonly string s_example = Path.Combine(s_data, "mds", "spec-example", "example-blob-jws-signature.jwt");
    private static readonly string s_exampleDer = Path.Combine(s_data, "mds", "spec-example", "example-blob-der-signature.jwt");
    private static readonly string s_exampleRoot = Path.Combine(s_data, "mds", "roots", "mds3-spec-example-root.der");

    [Test]
    public async Task Verify_RealBlobAtDownloadTime_PrintsNumberNextUpdateAndCounts()
    {
        var run = await CliRun.RunAsync("webauthn", "mds", "verify", "--blob", s_blob121, "--anchor", s_root, "--at", At121, "--no-revocation");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Out + run.Error);
        var json = run.Json;
        Assert.That(((long)json["no"]!, (string)json["nextUpdate"]!, (int)json["entries"]!), Is.EqualTo((121L, "2025-01-01", 280)));
        Assert.That(((int)json["statusCounts"]!["REVOKED"]!, (int)json["statusCounts"]!["FIDO_CERTIFIED"]!), Is.EqualTo((1, 218)));
    }

    [Test]
    public async Task Verify_RevocationRequiredWithoutCrl_RejectedWithCrlMissingAndAHint()
    {
        var run = await CliRun.RunAsync("webauthn", "mds", "verify", "--blob", s_blob121, "--anchor", s_root, "--at", At121);

        Assert.That((run.ExitCode, (string)run.Json["error"]!), Is.EqualTo((ExitCodes.Rejected, "CrlMissing")));
        Assert.That((string)run.Json["message"]!, Does.Contain("--crl"));
    }

    [Test]
    public async Task Verify_AfterTheChainExpired_RejectedCertificateExpired()
    {
        var run = await CliRun.RunAsync("webauthn", "mds", "verify", "--blob", s_blob121, "--anchor", s_root, "--at", "2026-11-22T00:00:00Z", "--no-revocation");

        Assert.That((run.ExitCode, (string)run.Json["error"]!), Is.EqualTo((ExitCodes.Rejected, "CertificateExpired")));
    }

    [Test]
    public async Task Verify_DerSignedSpecExample_RejectedBadSignature()
    {
        var run = await CliRun.RunAsync("webauthn", "mds", "verify", "--blob", s_exampleDer, "--anchor", s_exampleRoot, "--at", "2021-05-18T00:00:00Z", "--no-revocation");

        Assert.That((run.ExitCode, (string)run.Json["error"]!), Is.EqualTo((ExitCodes.Rejected, "BadSignature")));
    }

    [Test]
    public async Task Show_RevokedModel_PrintsDescriptionStatusAndRoots()
    {
        var run = await CliRun.RunAsync("webauthn", "mds", "show", "ba86dc56-635f-4141-aef6-00227b1b9af6", "--blob", s_blob121, "--anchor", s_root, "--at", At121, "--no-revocation");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Out + run.Error);
        var json = run.Json;
        Assert.That(((string)json["description"]!, (string)json["status"]!, (string)json["refusedByDefaultPolicy"]!), Is.EqualTo(("TruU Windows Authenticator", "REVOKED", "REVOKED")));
        Assert.That(json["attestationRoots"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Show_SpecExampleAaguid_PrintsTheSampleAuthenticator()
    {
        var run = await CliRun.RunAsync("webauthn", "mds", "show", "0132d110-bf4e-4208-a403-ab4f5f12efe5", "--blob", s_example, "--anchor", s_exampleRoot, "--at", "2021-05-18T00:00:00Z", "--no-revocation");

        Assert.That((run.ExitCode, (string)run.Json["description"]!), Is.EqualTo((ExitCodes.Success, "FIDO Alliance Sample FIDO2 Authenticator")));
    }

    [Test]
    public async Task Show_UnknownAaguid_RejectedUnknownAuthenticator()
    {
        var run = await CliRun.RunAsync("webauthn", "mds", "show", Guid.Empty.ToString(), "--blob", s_example, "--anchor", s_exampleRoot, "--at", "2021-05-18T00:00:00Z", "--no-revocation");

        Assert.That((run.ExitCode, (string)run.Json["failure"]!), Is.EqualTo((ExitCodes.Rejected, "UnknownAuthenticator")));
    }

    [TestCase("verify", "--anchor", "x")]
    [TestCase("verify", "--blob", "x")]
    [TestCase("show")]
    [TestCase("frobnicate")]
    public async Task Mds_MissingOrUnknownArguments_UsageError(params string[] args)
    {
        var run = await CliRun.RunAsync(["webauthn", "mds", .. args]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public async Task VerifyRegistration_WithMds_NamesTheModelAndTrustsTheAttestation()
    {
        var (options, response) = YubiKeyRegistration();

        var run = await CliRun.RunAsync("webauthn", "verify-registration", "--options", options, "--response", response, "--origin", "http://localhost:5000",
            "--now", At121, "--mds", s_blob121, "--mds-anchor", s_root, "--no-revocation");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Out + run.Error);
        Assert.That(((bool)run.Json["trusted"]!, (string)run.Json["model"]!), Is.EqualTo((true, "Security Key by Yubico with NFC")));
    }

    [Test]
    public async Task VerifyRegistration_WithUnrelatedTrustAnchor_NotTrusted()
    {
        var (options, response) = YubiKeyRegistration();

        var run = await CliRun.RunAsync("webauthn", "verify-registration", "--options", options, "--response", response, "--origin", "http://localhost:5000",
            "--now", At121, "--trust-anchor", s_root);

        Assert.That((run.ExitCode, (bool)run.Json["trusted"]!), Is.EqualTo((ExitCodes.Success, false)));
    }

    private static (string Options, string Response) YubiKeyRegistration()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(s_data, "webauthn", "reg-pywebauthn-packed-yubikey-firefox.json")));
        var root = document.RootElement;
        var options = new JsonObject
        {
            ["rp"] = new JsonObject { ["id"] = "localhost", ["name"] = "Test" },
            ["user"] = new JsonObject { ["id"] = "dXNlcg", ["name"] = "u", ["displayName"] = "u" },
            ["challenge"] = root.GetProperty("options").GetProperty("challenge").GetString(),
            ["pubKeyCredParams"] = new JsonArray(new JsonObject { ["type"] = "public-key", ["alg"] = -7 }),
            ["attestation"] = "direct",
        };
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "mds-cli-" + TestContext.CurrentContext.Test.ID);
        Directory.CreateDirectory(directory);
        var optionsPath = Path.Combine(directory, "options.json");
        var responsePath = Path.Combine(directory, "response.json");
        File.WriteAllText(optionsPath, options.ToJsonString());
        File.WriteAllText(responsePath, root.GetProperty("credential").GetRawText());
        return (optionsPath, responsePath);
    }
}
