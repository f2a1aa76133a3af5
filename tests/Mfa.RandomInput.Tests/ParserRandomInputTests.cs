using Mfa.Core;
using Mfa.Totp.Encoding;
using Mfa.Totp.KeyUri;
using Mfa.WebAuthn;

namespace Mfa.RandomInput.Tests;

/// <summary>
/// Issue #9: the packages' public parsers of remote input (stateless WebAuthn verification, otpauth URIs, Base32) given
/// seeded random input: only typed outcomes (results or false), never an exception.
/// </summary>
[TestFixture]
public sealed class ParserRandomInputTests
{
    private const string CreationOptions = """
        {"rp":{"id":"example.com","name":"Example"},"user":{"id":"dXNlcg","name":"u","displayName":"u"},
         "challenge":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8","pubKeyCredParams":[{"type":"public-key","alg":-7},{"type":"public-key","alg":-257}],
         "excludeCredentials":[{"type":"public-key","id":"AAAA"}],"authenticatorSelection":{"userVerification":"preferred","authenticatorAttachment":"cross-platform"}}
        """;

    private const string RequestOptions = """
        {"challenge":"ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8","rpId":"example.com","userVerification":"preferred","allowCredentials":[{"type":"public-key","id":"AAAA"}],"extensions":{"appid":"https://example.com"}}
        """;

    private static readonly DateTimeOffset s_now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly WebAuthnOptions s_options = new() { RelyingPartyId = "example.com", RelyingPartyName = "Example", Origins = [FactorHost.Origin] };

    [Test]
    public void VerifyRegistration_RandomOptionsAndResponse_OnlyTypedOutcomes()
    {
        using var key = new TestAuthenticator(FactorHost.Origin);
        var ceremony = key.Register(CreationOptions);
        ceremony.Format = "packed";
        var response = ceremony.ToJson();
        Outcomes.OnlyTyped(9201, (random, n) =>
        {
            var options = random.Chance(70) ? CreationOptions : random.Any(CreationOptions);
            var json = random.Current = random.Chance(70) ? random.Mutate(response) : random.Any(response);
            var result = WebAuthnVerifier.VerifyRegistration(options, json, s_options, s_now);
            Assert.That(result.Succeeded || result.FailureReason != MfaFailureReason.None, Is.True);
        });
    }

    [Test]
    public void VerifyAssertion_RandomOptionsResponseAndStoredCredential_OnlyTypedOutcomes()
    {
        using var key = new TestAuthenticator(FactorHost.Origin);
        var response = key.Assert(RequestOptions).ToJson();
        Outcomes.OnlyTyped(9202, (random, n) =>
        {
            var options = random.Chance(70) ? RequestOptions : random.Any(RequestOptions);
            var json = random.Current = random.Chance(70) ? random.Mutate(response) : random.Any(response);
            var stored = new WebAuthnStoredCredential(random.Chance(70) || random.Text() is not { Length: > 0 } id ? key.CredentialIdText : id, random.Chance(70) ? key.CosePublicKey() : random.Bytes(120))
            {
                SignCount = (uint)random.Next(int.MaxValue),
                UserHandle = random.Chance(50) ? random.Bytes(80) : null,
                Kind = (WebAuthnAuthenticatorKind)random.Next(4),
            };
            _ = WebAuthnVerifier.VerifyAssertion(options, json, stored, s_options);
        });
    }

    [Test]
    public void OtpAuthUriTryParse_RandomText_OnlyTypedOutcomes() =>
        Outcomes.OnlyTyped(9203, (random, n) =>
        {
            var text = random.Current = random.Chance(80)
                ? random.Mutate("otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA256&digits=8&period=60")
                : random.Text(256);
            if (OtpAuthUri.TryParse(text, out var uri, out _))
            {
                Assert.That(uri, Is.Not.Null);
                _ = uri!.ToUriString();
            }
        }, cases: 3000);

    [Test]
    public void Base32TryDecode_RandomText_OnlyTypedOutcomes() =>
        Outcomes.OnlyTyped(9204, (random, n) =>
        {
            var text = random.Current = random.Chance(60) ? random.Mutate("JBSWY3DPEHPK3PXP====") : random.Text(128);
            _ = Base32.TryDecode(text, out _, out _, Base32Alphabet.Standard);
            _ = Base32.TryDecode(text, out _, out _, Base32Alphabet.ExtendedHex);
        }, cases: 3000);
}
