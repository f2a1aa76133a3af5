using System.Text.Json.Nodes;
using Mfa.Cli.Cli;

namespace Mfa.Cli.Tests.WebAuthn;

/// <summary>
/// The <c>mfa webauthn</c> commands on the WebAuthn Level 3 spec's test vectors (§Test Vectors, "none ES256":
/// registration and authentication of one credential, W3C Document License).
/// </summary>
[TestFixture]
public sealed class WebAuthnCommandsTests
{
    private const string Origin = "https://example.org";
    private const string CredentialId = "-R85HbTJsv3g6nAYnLo_tj9Xm6YSKzOtlP8-wzAIS-Q";
    private const string PublicKey = "pQECAyYgASFYIK_voW-XypstI-uGzLZAmNINuQhWBi6yScM6m2cvJt9hIlggkwpWuHovymYzSwNFir-HlxfBLMaO1zKQry4mZHlrkiA";

    private const string CreationOptions = """
        {"rp":{"id":"example.org","name":"Example"},"user":{"id":"dXNlcg","name":"user","displayName":"User"},
         "challenge":"AMMPt4UxxGTStncdq417YDwBFi8vpIa-pw8oOuVW4TA","pubKeyCredParams":[{"type":"public-key","alg":-7}],
         "authenticatorSelection":{"userVerification":"preferred"},"attestation":"none"}
        """;

    private const string RegistrationResponse = """
        {"id":"-R85HbTJsv3g6nAYnLo_tj9Xm6YSKzOtlP8-wzAIS-Q","rawId":"-R85HbTJsv3g6nAYnLo_tj9Xm6YSKzOtlP8-wzAIS-Q","type":"public-key",
         "response":{"clientDataJSON":"eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiQU1NUHQ0VXh4R1RTdG5jZHE0MTdZRHdCRmk4dnBJYS1wdzhvT3VWVzRUQSIsIm9yaWdpbiI6Imh0dHBzOi8vZXhhbXBsZS5vcmciLCJjcm9zc09yaWdpbiI6ZmFsc2UsImV4dHJhRGF0YSI6ImNsaWVudERhdGFKU09OIG1heSBiZSBleHRlbmRlZCB3aXRoIGFkZGl0aW9uYWwgZmllbGRzIGluIHRoZSBmdXR1cmUsIHN1Y2ggYXMgdGhpczogQmtRZURqZGNUQnJYQmlBd0pUTEU1USJ9",
         "attestationObject":"o2NmbXRkbm9uZWdhdHRTdG10oGhhdXRoRGF0YVikv6vDdDKViwYzYNOtZGHJxHNa5_jt1GWSpeDwFFKy5LVZAAAAAIRGzLmrHbN0dQsjZ_9vOh8AIPkfOR20ybL94OpwGJy6P7Y_V5umEiszrZT_PsMwCEvkpQECAyYgASFYIK_voW-XypstI-uGzLZAmNINuQhWBi6yScM6m2cvJt9hIlggkwpWuHovymYzSwNFir-HlxfBLMaO1zKQry4mZHlrkiA"},
         "clientExtensionResults":{}}
        """;

    private const string RequestOptions = """
        {"challenge":"OcDnUhQXulTUPo3JUXT0I97pvzzYBP9tZchXyav01Ag","rpId":"example.org",
         "allowCredentials":[{"type":"public-key","id":"-R85HbTJsv3g6nAYnLo_tj9Xm6YSKzOtlP8-wzAIS-Q"}],"userVerification":"preferred"}
        """;

    private const string AuthenticationResponse = """
        {"id":"-R85HbTJsv3g6nAYnLo_tj9Xm6YSKzOtlP8-wzAIS-Q","rawId":"-R85HbTJsv3g6nAYnLo_tj9Xm6YSKzOtlP8-wzAIS-Q","type":"public-key",
         "response":{"clientDataJSON":"eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiY2hhbGxlbmdlIjoiT2NEblVoUVh1bFRVUG8zSlVYVDBJOTdwdnp6WUJQOXRaY2hYeWF2MDFBZyIsIm9yaWdpbiI6Imh0dHBzOi8vZXhhbXBsZS5vcmciLCJjcm9zc09yaWdpbiI6ZmFsc2V9",
         "authenticatorData":"v6vDdDKViwYzYNOtZGHJxHNa5_jt1GWSpeDwFFKy5LUZAAAAAA",
         "signature":"MEYCIQD1Ck4uRAkknEqFO6NhKC8JhB303UVHoTqHeAIY3v_NOAIhAISArA8Lk1OBdPV1vxGh3V14xuSGAT-TcpXqE2U-Mx6H"},
         "clientExtensionResults":{}}
        """;

    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("mfa-webauthn-cli-").FullName;
        Write("creation.json", CreationOptions);
        Write("registration.json", RegistrationResponse);
        Write("request.json", RequestOptions);
        Write("assertion.json", AuthenticationResponse);
        Write("credential.json", "{\"id\":\"" + CredentialId + "\",\"publicKey\":\"" + PublicKey + "\",\"alg\":-7,\"signCount\":0,\"backupEligible\":true,\"kind\":\"security-key\"}");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task VerifyRegistration_SpecVector_Exit0WithCredential()
    {
        var run = await VerifyRegistrationAsync();

        Assert.That(run.ExitCode, Is.Zero, run.Out + run.Error);
        var credential = run.Json["credential"]!;
        Assert.Multiple(() =>
        {
            Assert.That(run.Json["ok"]!.GetValue<bool>(), Is.True);
            Assert.That(run.Json["failure"], Is.Null);
            Assert.That(credential["id"]!.GetValue<string>(), Is.EqualTo(CredentialId));
            Assert.That(credential["publicKey"]!.GetValue<string>(), Is.EqualTo(PublicKey));
            Assert.That(credential["alg"]!.GetValue<int>(), Is.EqualTo(-7));
            Assert.That(credential["signCount"]!.GetValue<uint>(), Is.Zero);
            Assert.That(credential["aaguid"]!.GetValue<string>(), Is.EqualTo("8446ccb9-ab1d-b374-750b-2367ff6f3a1f"));
            Assert.That(credential["fmt"]!.GetValue<string>(), Is.EqualTo("none"));
            Assert.That(credential["attestationType"]!.GetValue<string>(), Is.EqualTo("none"));
            Assert.That(credential["backupEligible"]!.GetValue<bool>(), Is.True);
            Assert.That(credential["backupState"]!.GetValue<bool>(), Is.True);
            Assert.That(credential["transports"]!.AsArray(), Is.Empty);
            Assert.That(credential["kind"]!.GetValue<string>(), Is.EqualTo("security-key"));
        });
    }

    [Test]
    public async Task VerifyRegistration_OriginNotTheClientDataOrigin_Exit1OriginNotAllowed()
    {
        var run = await VerifyRegistrationAsync("--origin", "https://example.com");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Json["failure"]!.GetValue<string>(), Is.EqualTo("OriginNotAllowed"));
        Assert.That(run.Json["credential"], Is.Null);
    }

    [Test]
    public async Task VerifyRegistration_OtherChallenge_Exit1WrongChallenge()
    {
        Write("creation.json", CreationOptions.Replace("AMMPt4Uxx", "BMMPt4Uxx", StringComparison.Ordinal));

        var run = await VerifyRegistrationAsync();

        Assert.That(run.Json["failure"]!.GetValue<string>(), Is.EqualTo("WrongChallenge"));
    }

    [Test]
    public async Task VerifyRegistration_NowBeforeCertificates_StillVerifiesNoneAttestation()
    {
        var run = await VerifyRegistrationAsync("--origin", Origin, "--now", "2000-01-01T00:00:00Z");

        Assert.That(run.ExitCode, Is.Zero, run.Out);
    }

    [TestCase("--origin", "example.org")]
    [TestCase("--now", "yesterday")]
    [TestCase("--bogus", "1")]
    public async Task VerifyRegistration_BadArgument_Exit2(string name, string value)
    {
        var run = await CliRun.RunAsync("webauthn", "verify-registration", "--options", Path("creation.json"), "--response", Path("registration.json"), "--origin", Origin, name, value);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("mfa: "));
    }

    [Test]
    public async Task VerifyRegistration_NoOrigin_Exit2()
    {
        var run = await CliRun.RunAsync("webauthn", "verify-registration", "--options", Path("creation.json"), "--response", Path("registration.json"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task VerifyRegistration_MissingFile_Exit2()
    {
        var run = await CliRun.RunAsync("webauthn", "verify-registration", "--options", Path("nope.json"), "--response", Path("registration.json"), "--origin", Origin);

        Assert.That((run.ExitCode, run.Error.Contains("Cannot read", StringComparison.Ordinal)), Is.EqualTo((2, true)));
    }

    [Test]
    public async Task VerifyRegistration_ResponseNotJson_Exit1MalformedInput()
    {
        Write("registration.json", "not json");

        var run = await VerifyRegistrationAsync();

        Assert.That((run.ExitCode, run.Json["failure"]!.GetValue<string>()), Is.EqualTo((1, "MalformedInput")));
    }

    [Test]
    public async Task VerifyAssertion_CredentialPrintedByVerifyRegistration_Exit0()
    {
        var registration = await VerifyRegistrationAsync();
        Write("credential.json", registration.Json["credential"]!.ToJsonString());

        var run = await VerifyAssertionAsync();

        Assert.That(run.ExitCode, Is.Zero, run.Out + run.Error);
        Assert.That(run.Json["ok"]!.GetValue<bool>(), Is.True);
        Assert.That(run.Json["signCount"]!.GetValue<uint>(), Is.Zero);
        Assert.That(run.Json["userVerified"]!.GetValue<bool>(), Is.False);
        Assert.That(run.Json["backupState"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task VerifyAssertion_StoredCounterAhead_Exit1CounterRollback()
    {
        Write("credential.json", "{\"id\":\"" + CredentialId + "\",\"publicKey\":\"" + PublicKey + "\",\"signCount\":5,\"backupEligible\":true}");

        var run = await VerifyAssertionAsync();

        Assert.That((run.ExitCode, run.Json["failure"]!.GetValue<string>()), Is.EqualTo((1, "CounterRollback")));
    }

    [Test]
    public async Task VerifyAssertion_TamperedSignature_Exit1InvalidSignature()
    {
        Write("assertion.json", AuthenticationResponse.Replace("-Mx6H", "-Mx6G", StringComparison.Ordinal));

        var run = await VerifyAssertionAsync();

        Assert.That((run.ExitCode, run.Json["failure"]!.GetValue<string>()), Is.EqualTo((1, "InvalidSignature")));
    }

    [Test]
    public async Task VerifyAssertion_CredentialFileWithoutKey_Exit2()
    {
        Write("credential.json", "{\"id\":\"" + CredentialId + "\"}");

        var run = await VerifyAssertionAsync();

        Assert.That(run.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Inspect_RegistrationResponse_DecodesEveryPart()
    {
        var run = await CliRun.RunAsync("webauthn", "inspect", Path("registration.json"));

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var json = run.Json;
        Assert.Multiple(() =>
        {
            Assert.That(json["kind"]!.GetValue<string>(), Is.EqualTo("registration-response"));
            Assert.That(json["clientData"]!["type"]!.GetValue<string>(), Is.EqualTo("webauthn.create"));
            Assert.That(json["attestationObject"]!["fmt"]!.GetValue<string>(), Is.EqualTo("none"));
            var authData = json["attestationObject"]!["authenticatorData"]!;
            Assert.That(authData["flags"]!["BE"]!.GetValue<bool>(), Is.True);
            Assert.That(authData["attestedCredentialData"]!["credentialId"]!.GetValue<string>(), Is.EqualTo(CredentialId));
            Assert.That(authData["attestedCredentialData"]!["credentialPublicKey"]!["algName"]!.GetValue<string>(), Is.EqualTo("ES256"));
        });
    }

    [Test]
    public async Task Inspect_AuthenticationResponseOnStandardInput_DecodesIt()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(AuthenticationResponse);

        var exit = await CliApp.RunAsync(["webauthn", "inspect", "-"], output, error, input);

        var json = JsonNode.Parse(output.ToString())!;
        Assert.That(exit, Is.Zero, error.ToString());
        Assert.That(json["kind"]!.GetValue<string>(), Is.EqualTo("authentication-response"));
        Assert.That(json["authenticatorData"]!["signCount"]!.GetValue<uint>(), Is.Zero);
        Assert.That(json["signature"]!["length"]!.GetValue<int>(), Is.EqualTo(72));
    }

    [TestCase("v6vDdDKViwYzYNOtZGHJxHNa5_jt1GWSpeDwFFKy5LUZAAAAAA", "authenticator-data")]
    [TestCase("eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiY2hhbGxlbmdlIjoiT2NEblVoUVh1bFRVUG8zSlVYVDBJOTdwdnp6WUJQOXRaY2hYeWF2MDFBZyIsIm9yaWdpbiI6Imh0dHBzOi8vZXhhbXBsZS5vcmciLCJjcm9zc09yaWdpbiI6ZmFsc2V9", "client-data")]
    [TestCase("{\"type\":\"webauthn.get\",\"challenge\":\"AA\",\"origin\":\"https://example.org\"}", "client-data")]
    [TestCase("o2NmbXRkbm9uZWdhdHRTdG10oGhhdXRoRGF0YVikv6vDdDKViwYzYNOtZGHJxHNa5_jt1GWSpeDwFFKy5LVZAAAAAIRGzLmrHbN0dQsjZ_9vOh8AIPkfOR20ybL94OpwGJy6P7Y_V5umEiszrZT_PsMwCEvkpQECAyYgASFYIK_voW-XypstI-uGzLZAmNINuQhWBi6yScM6m2cvJt9hIlggkwpWuHovymYzSwNFir-HlxfBLMaO1zKQry4mZHlrkiA", "attestation-object")]
    public async Task Inspect_SinglePart_RecognisesIt(string payload, string kind)
    {
        Write("part.txt", payload);

        var run = await CliRun.RunAsync("webauthn", "inspect", Path("part.txt"));

        Assert.That(run.ExitCode, Is.Zero, run.Out);
        Assert.That(run.Json["kind"]!.GetValue<string>(), Is.EqualTo(kind));
    }

    [TestCase("AAAA")]
    [TestCase("{\"response\":{\"attestationObject\":\"oA\"}}")]
    [TestCase("%%%")]
    public async Task Inspect_Garbage_Exit1MalformedInput(string payload)
    {
        Write("part.txt", payload);

        var run = await CliRun.RunAsync("webauthn", "inspect", Path("part.txt"));

        Assert.That((run.ExitCode, run.Json["failure"]!.GetValue<string>()), Is.EqualTo((1, "MalformedInput")));
    }

    [Test]
    public async Task Inspect_NoArgument_Exit2()
    {
        Assert.That((await CliRun.RunAsync("webauthn", "inspect")).ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Help_ListsWebAuthnCommands()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.That(run.Out, Does.Contain("mfa webauthn verify-registration").And.Contain("mfa webauthn verify-assertion").And.Contain("mfa webauthn inspect"));
    }

    [Test]
    public async Task VerifyAssertion_AllowRs1Flag_TakenAsAFlagAndTheEs256AssertionStillVerifies()
    {
        var run = await CliRun.RunAsync("webauthn", "verify-assertion", "--options", Path("request.json"), "--response", Path("assertion.json"), "--credential", Path("credential.json"), "--origin", Origin, "--allow-rs1");

        Assert.That(run.ExitCode, Is.Zero, run.Error + run.Out);
    }

    private Task<CliRun> VerifyRegistrationAsync(params string[] extra) =>
        CliRun.RunAsync([.. new[] { "webauthn", "verify-registration", "--options", Path("creation.json"), "--response", Path("registration.json") }, .. extra.Length == 0 ? ["--origin", Origin] : extra]);

    private Task<CliRun> VerifyAssertionAsync() =>
        CliRun.RunAsync("webauthn", "verify-assertion", "--options", Path("request.json"), "--response", Path("assertion.json"), "--credential", Path("credential.json"), "--origin", Origin);

    private string Path(string name) => System.IO.Path.Combine(_dir, name);

    private void Write(string name, string content) => File.WriteAllText(Path(name), content);
}
