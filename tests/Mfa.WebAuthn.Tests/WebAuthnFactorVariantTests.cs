using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Tests;

/// <summary>The factor names each credential's variant, and the service shows it in <c>AuthenticatorInfo.Variant</c>.</summary>
[TestFixture]
public sealed class WebAuthnFactorVariantTests
{
    private const string AppId = "https://example.com/u2f/app-id.json";

    private WebAuthnHarness _host = null!;
    private TestAuthenticator _key = null!;

    [SetUp]
    public void SetUp()
    {
        _host = new WebAuthnHarness();
        _key = new TestAuthenticator(WebAuthnHarness.Origin);
    }

    [TearDown]
    public void TearDown()
    {
        _host.Dispose();
        _key.Dispose();
    }

    [Test]
    public async Task EnrollAsync_SecurityKey_VariantIsSecurityKey()
    {
        var result = await _host.EnrollAsync(WebAuthnHarness.Alice, _key);

        Assert.That(result.Authenticator?.Variant, Is.EqualTo("security-key"));
    }

    [Test]
    public async Task EnrollAsync_DeviceWithoutBackupEligibility_VariantIsPlatform()
    {
        var result = await _host.EnrollAsync(WebAuthnHarness.Alice, _key, c => c.AuthenticatorAttachment = "platform", WebAuthnAuthenticatorKind.Device);

        Assert.That(result.Authenticator?.Variant, Is.EqualTo("platform"), result.Message);
    }

    [Test]
    public async Task EnrollAsync_BackupEligibleDevice_VariantIsPasskey()
    {
        var result = await _host.EnrollAsync(
            WebAuthnHarness.Alice,
            _key,
            c => (c.AuthenticatorAttachment, c.Flags) = ("platform", c.Flags | AuthenticatorDataFlags.BackupEligible),
            WebAuthnAuthenticatorKind.Device);

        Assert.That(result.Authenticator?.Variant, Is.EqualTo("passkey"), result.Message);
    }

    [Test]
    public async Task ImportLegacyU2fKey_Imported_VariantIsLegacyU2f()
    {
        var result = await _host.ImportLegacyU2fKeyAsync(WebAuthnHarness.Alice, new LegacyU2fKey(_key.CredentialId, _key.CosePublicKey(), AppId));

        Assert.That(result.Authenticator?.Variant, Is.EqualTo("legacy-u2f"), result.Message);
    }

    [Test]
    public async Task ListAuthenticatorsAsync_EnrolledKey_CarriesVariant()
    {
        await _host.EnrolledAsync(WebAuthnHarness.Alice, _key);

        var list = await _host.Mfa.ListAuthenticatorsAsync(WebAuthnHarness.Alice.Id);

        Assert.That(list.Select(a => a.Variant), Is.EqualTo(new[] { "security-key" }));
    }

    [Test]
    public async Task DescribeVariant_UnreadableData_Null()
    {
        var id = await _host.EnrolledAsync(WebAuthnHarness.Alice, _key);
        var record = await _host.RecordAsync(id);

        var variant = _host.Factor.DescribeVariant(record with { Data = "{" });

        Assert.That(variant, Is.Null);
    }
}
