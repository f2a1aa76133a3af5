using System.Buffers.Text;
using System.Text.Json;
using Mfa.WebAuthn.Cose;

namespace Mfa.WebAuthn.Tests;

/// <summary>The ceremony options: exactly WebAuthn L3 PublicKeyCredentialCreationOptionsJSON / RequestOptionsJSON.</summary>
[TestFixture]
public sealed class WebAuthnFactorOptionsJsonTests
{
    private WebAuthnHarness _host = null!;

    [SetUp]
    public void SetUp() => _host = new WebAuthnHarness();

    [TearDown]
    public void TearDown() => _host.Dispose();

    [Test]
    public async Task BeginEnrollment_SecurityKey_WritesCreationOptionsJson()
    {
        var root = await CreationOptionsAsync(WebAuthnAuthenticatorKind.SecurityKey);

        Assert.Multiple(() =>
        {
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "rp", "user", "challenge", "pubKeyCredParams", "timeout", "excludeCredentials", "authenticatorSelection", "hints", "attestation", "extensions" }));
            Assert.That(root.GetProperty("rp").GetRawText(), Is.EqualTo("{\"id\":\"example.com\",\"name\":\"Example\"}"));
            Assert.That(root.GetProperty("user").GetProperty("name").GetString(), Is.EqualTo("Alice Example"));
            Assert.That(root.GetProperty("user").GetProperty("displayName").GetString(), Is.EqualTo("Alice Example"));
            Assert.That(Base64Url.DecodeFromChars(root.GetProperty("challenge").GetString()), Has.Length.EqualTo(32));
            Assert.That(root.GetProperty("timeout").GetInt64(), Is.EqualTo(120_000));
            Assert.That(root.GetProperty("authenticatorSelection").GetRawText(), Is.EqualTo("{\"authenticatorAttachment\":\"cross-platform\",\"residentKey\":\"discouraged\",\"requireResidentKey\":false,\"userVerification\":\"preferred\"}"));
            Assert.That(root.GetProperty("hints").GetRawText(), Is.EqualTo("[\"security-key\"]"));
            Assert.That(root.GetProperty("attestation").GetString(), Is.EqualTo("none"));
            Assert.That(root.GetProperty("extensions").GetRawText(), Is.EqualTo("{\"credProps\":true}"));
        });
    }

    [Test]
    public async Task BeginEnrollment_Device_AsksForPlatformDiscoverableVerified()
    {
        var root = await CreationOptionsAsync(WebAuthnAuthenticatorKind.Device);

        Assert.That(root.GetProperty("authenticatorSelection").GetRawText(), Is.EqualTo("{\"authenticatorAttachment\":\"platform\",\"residentKey\":\"required\",\"requireResidentKey\":true,\"userVerification\":\"required\"}"));
        Assert.That(root.GetProperty("hints").GetRawText(), Is.EqualTo("[\"client-device\"]"));
    }

    [Test]
    public async Task BeginEnrollment_Default_OffersAlgorithmsInDefaultOrder()
    {
        var root = await CreationOptionsAsync(WebAuthnAuthenticatorKind.SecurityKey);

        var algs = root.GetProperty("pubKeyCredParams").EnumerateArray().Select(p => (p.GetProperty("type").GetString(), p.GetProperty("alg").GetInt32()));
        Assert.That(algs, Is.EqualTo(WebAuthnOptions.DefaultAlgorithms.Select(a => ("public-key", (int)a))));
        Assert.That(algs.Take(6).Select(a => a.Item2), Is.EqualTo(new[] { -7, -8, -35, -36, -37, -257 }));
    }

    [Test]
    public async Task BeginEnrollment_ConfiguredOrder_OffersThatOrder()
    {
        using var host = new WebAuthnHarness(o => o.PubKeyCredParams = [CoseAlgorithm.RS256, CoseAlgorithm.ES256]);

        var root = await CreationOptionsAsync(WebAuthnAuthenticatorKind.SecurityKey, host);

        Assert.That(root.GetProperty("pubKeyCredParams").EnumerateArray().Select(p => p.GetProperty("alg").GetInt32()), Is.EqualTo(new[] { -257, -7 }));
    }

    [Test]
    public async Task BeginEnrollment_ConfiguredConveyanceAndSizes_AreWritten()
    {
        using var host = new WebAuthnHarness(o => (o.Attestation, o.ChallengeSize, o.Timeout, o.SecurityKeyResidentKey) = (AttestationConveyance.Enterprise, 64, TimeSpan.FromSeconds(30), ResidentKeyRequirement.Preferred));

        var root = await CreationOptionsAsync(WebAuthnAuthenticatorKind.SecurityKey, host);

        Assert.That(root.GetProperty("attestation").GetString(), Is.EqualTo("enterprise"));
        Assert.That(Base64Url.DecodeFromChars(root.GetProperty("challenge").GetString()), Has.Length.EqualTo(64));
        Assert.That(root.GetProperty("timeout").GetInt64(), Is.EqualTo(30_000));
        Assert.That(root.GetProperty("authenticatorSelection").GetProperty("residentKey").GetString(), Is.EqualTo("preferred"));
    }

    [Test]
    public async Task BeginEnrollment_TwoCeremonies_UseFreshChallenges()
    {
        var first = await CreationOptionsAsync(WebAuthnAuthenticatorKind.SecurityKey);
        var second = await CreationOptionsAsync(WebAuthnAuthenticatorKind.SecurityKey);

        Assert.That(first.GetProperty("challenge").GetString(), Is.Not.EqualTo(second.GetProperty("challenge").GetString()));
    }

    [Test]
    public async Task BeginEnrollment_NewUser_UsesRandomUserHandleNotTheUserId()
    {
        var first = await CreationOptionsAsync(WebAuthnAuthenticatorKind.SecurityKey);
        var second = await CreationOptionsAsync(WebAuthnAuthenticatorKind.SecurityKey);

        var handle = Base64Url.DecodeFromChars(first.GetProperty("user").GetProperty("id").GetString());
        Assert.That(handle, Has.Length.EqualTo(32));
        Assert.That(System.Text.Encoding.UTF8.GetString(handle), Does.Not.Contain("alice"));
        Assert.That(second.GetProperty("user").GetProperty("id").GetString(), Is.Not.EqualTo(first.GetProperty("user").GetProperty("id").GetString()));
    }

    [Test]
    public async Task BeginEnrollment_UserWithCredential_ReusesItsUserHandleAndExcludesIt()
    {
        using var key = new TestAuthenticator(WebAuthnHarness.Origin);
        await _host.EnrolledAsync(WebAuthnHarness.Alice, key);

        var root = await CreationOptionsAsync(WebAuthnAuthenticatorKind.Device);

        Assert.That(Base64Url.DecodeFromChars(root.GetProperty("user").GetProperty("id").GetString()), Is.EqualTo(key.UserHandle));
        Assert.That(root.GetProperty("excludeCredentials").GetRawText(), Is.EqualTo("[{\"type\":\"public-key\",\"id\":\"" + key.CredentialIdText + "\",\"transports\":[\"usb\"]}]"));
    }

    [Test]
    public async Task BeginEnrollment_CredentialsOfAnotherUser_AreNotExcluded()
    {
        using var key = new TestAuthenticator(WebAuthnHarness.Origin);
        await _host.EnrolledAsync(WebAuthnHarness.Bob, key);

        var root = await CreationOptionsAsync(WebAuthnAuthenticatorKind.SecurityKey);

        Assert.That(root.GetProperty("excludeCredentials").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task BeginChallenge_SecurityKey_WritesRequestOptionsJson()
    {
        using var key = new TestAuthenticator(WebAuthnHarness.Origin);
        await _host.EnrolledAsync(WebAuthnHarness.Alice, key);

        var (_, json) = await _host.BeginChallengeAsync(WebAuthnHarness.Alice);

        var root = JsonDocument.Parse(json).RootElement;
        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "challenge", "timeout", "rpId", "allowCredentials", "userVerification", "hints" }));
        Assert.That(root.GetProperty("rpId").GetString(), Is.EqualTo("example.com"));
        Assert.That(root.GetProperty("allowCredentials").GetRawText(), Is.EqualTo("[{\"type\":\"public-key\",\"id\":\"" + key.CredentialIdText + "\",\"transports\":[\"usb\"]}]"));
        Assert.That(root.GetProperty("userVerification").GetString(), Is.EqualTo("preferred"));
        Assert.That(root.GetProperty("hints").GetRawText(), Is.EqualTo("[\"security-key\"]"));
    }

    [Test]
    public async Task BeginChallenge_OnlyDevices_RequiresUserVerification()
    {
        using var key = new TestAuthenticator(WebAuthnHarness.Origin);
        await _host.EnrolledAsync(WebAuthnHarness.Alice, key, WebAuthnAuthenticatorKind.Device);

        var (_, json) = await _host.BeginChallengeAsync(WebAuthnHarness.Alice);

        var root = JsonDocument.Parse(json).RootElement;
        Assert.That(root.GetProperty("userVerification").GetString(), Is.EqualTo("required"));
        Assert.That(root.GetProperty("hints").GetRawText(), Is.EqualTo("[\"client-device\"]"));
    }

    [Test]
    public async Task BeginChallenge_NoCredential_FailsNotEnrolled()
    {
        var result = await _host.Mfa.BeginChallengeAsync(WebAuthnHarness.Alice, new WebAuthnChallengeRequest(Core.MfaPurpose.SignIn));

        Assert.That(result.FailureReason, Is.EqualTo(Core.MfaFailureReason.NotEnrolled));
    }

    private async Task<JsonElement> CreationOptionsAsync(WebAuthnAuthenticatorKind kind, WebAuthnHarness? host = null)
    {
        var (_, json) = await (host ?? _host).BeginEnrollmentAsync(WebAuthnHarness.Alice, kind);
        return JsonDocument.Parse(json).RootElement;
    }
}
