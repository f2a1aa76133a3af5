using Mfa.Core;
using Mfa.WebAuthn.Ceremonies;

namespace Mfa.WebAuthn.Tests.Hardening;

/// <summary>
/// Issue #9: a lone UTF-16 surrogate or NUL anywhere in a WebAuthn response or issued options, and base64url that the
/// platform validates but cannot decode, give a typed failure from every WebAuthn entry point (the service paths are
/// covered by tests/Mfa.RandomInput.Tests). Each case below threw ArgumentException or FormatException before the fix.
/// </summary>
[TestFixture]
public sealed class MalformedTextTests : WebAuthnHostFixtureBase
{
    private const string CreationOptions = """
        {"rp":{"id":"example.com","name":"Example"},"user":{"id":"dXNlcg","name":"u","displayName":"u"},
         "challenge":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8","pubKeyCredParams":[{"type":"public-key","alg":-7}]}
        """;

    private const string RequestOptions = """{"challenge":"ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8","rpId":"example.com"}""";

    private static readonly DateTimeOffset s_now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly WebAuthnOptions s_options = new() { RelyingPartyId = "example.com", RelyingPartyName = "Example", Origins = [WebAuthnHarness.Origin] };

    /// <summary>Where in a response JSON the bad text goes: a member name, a value, between tokens, everything.</summary>
    private static IEnumerable<TestCaseData> Placements()
    {
        foreach (var bad in new[] { "\uD800", "\uDC00", "\uDBFF\uDBFF", "\0" })
        {
            var name = bad == "\0" ? "NUL" : "U+" + ((int)bad[0]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
            yield return new TestCaseData(bad, "member name").SetArgDisplayNames(name, "member name");
            yield return new TestCaseData(bad, "credential id").SetArgDisplayNames(name, "credential id");
            yield return new TestCaseData(bad, "between tokens").SetArgDisplayNames(name, "between tokens");
            yield return new TestCaseData(bad, "alone").SetArgDisplayNames(name, "alone");
        }
    }

    [TestCaseSource(nameof(Placements))]
    public void VerifyRegistration_BadTextInResponse_FailsMalformedInput(string bad, string where)
    {
        var json = Place(Key.Register(CreationOptions).ToJson(), bad, where);

        var result = WebAuthnVerifier.VerifyRegistration(CreationOptions, json, s_options, s_now);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [TestCaseSource(nameof(Placements))]
    public void VerifyAssertion_BadTextInResponse_FailsMalformedInput(string bad, string where)
    {
        var json = Place(Key.Assert(RequestOptions).ToJson(), bad, where);

        var result = WebAuthnVerifier.VerifyAssertion(RequestOptions, json, new WebAuthnStoredCredential(Key.CredentialIdText, Key.CosePublicKey()), s_options);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    // Char codes, not strings: an attribute stores text as UTF-8, which turns a lone surrogate into U+FFFD.
    [TestCase(0xD800)]
    [TestCase(0)]
    public void VerifyRegistration_BadTextInOptions_FailsMalformedInput(int code)
    {
        var bad = ((char)code).ToString();
        var result = WebAuthnVerifier.VerifyRegistration(CreationOptions.Replace("\"u\"", "\"u" + bad + "\"", StringComparison.Ordinal), Key.Register(CreationOptions).ToJson(), s_options, s_now);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [TestCase(0xDFFF)]
    [TestCase(0)]
    public void VerifyAssertion_BadTextInOptions_FailsMalformedInput(int code)
    {
        var bad = ((char)code).ToString();
        var result = WebAuthnVerifier.VerifyAssertion("{\"x" + bad + "\":1," + RequestOptions[1..], Key.Assert(RequestOptions).ToJson(), new WebAuthnStoredCredential(Key.CredentialIdText, Key.CosePublicKey()), s_options);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [TestCaseSource(nameof(Placements))]
    public async Task CompleteEnrollment_BadTextInResponse_FailsMalformedInput(string bad, string where)
    {
        var (enrollmentId, options) = await Host.BeginEnrollmentAsync(WebAuthnHarness.Alice);

        var result = await Host.Mfa.CompleteEnrollmentAsync(WebAuthnHarness.Alice, enrollmentId, new WebAuthnEnrollmentResponse(Place(Key.Register(options).ToJson(), bad, where)));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [TestCaseSource(nameof(Placements))]
    public async Task CompleteChallenge_BadTextInResponse_FailsMalformedInput(string bad, string where)
    {
        await Host.EnrolledAsync(WebAuthnHarness.Alice, Key);
        var (challengeId, options) = await Host.BeginChallengeAsync(WebAuthnHarness.Alice);

        var result = await Host.Mfa.CompleteChallengeAsync(WebAuthnHarness.Alice, challengeId, MfaPurpose.SignIn, new WebAuthnChallengeResponse(Place(Key.Assert(options).ToJson(), bad, where)));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [TestCaseSource(nameof(Placements))]
    public async Task CompleteDiscoverableChallenge_BadTextInResponse_FailsMalformedInput(string bad, string where)
    {
        await Host.EnrolledAsync(WebAuthnHarness.Alice, Key);
        var begun = await Host.BeginPasskeySignInAsync();

        var result = await Host.CompletePasskeySignInAsync(begun.ChallengeId!, new WebAuthnChallengeResponse(Place(Key.Assert(begun.Prompt!.OptionsJson).ToJson(), bad, where)));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    /// <summary>An escaped lone surrogate (<c>"\ud800"</c>) is valid JSON text but an undecodable string.</summary>
    [TestCase("member name")]
    [TestCase("rp name")]
    [TestCase("challenge")]
    public void VerifyRegistration_EscapedLoneSurrogateInOptions_FailsMalformedInput(string where)
    {
        // Threw InvalidOperationException before the fix (found by tests/Mfa.RandomInput.Tests).
        var options = where switch
        {
            "member name" => "{\"\\ud800\":1," + CreationOptions.TrimStart()[1..],
            "rp name" => CreationOptions.Replace("\"Example\"", "\"\\udc00\"", StringComparison.Ordinal),
            _ => CreationOptions.Replace("\"challenge\":\"", "\"challenge\":\"\\ud800", StringComparison.Ordinal),
        };

        var result = WebAuthnVerifier.VerifyRegistration(options, Key.Register(CreationOptions).ToJson(), s_options, s_now);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [TestCase("id")]
    [TestCase("type")]
    [TestCase("authenticatorAttachment")]
    public void VerifyAssertion_EscapedLoneSurrogateInResponse_FailsMalformedInput(string member)
    {
        var json = Key.Assert(RequestOptions).ToJson();
        json = json.Replace("\"" + member + "\":\"", "\"" + member + "\":\"\\udbff", StringComparison.Ordinal);

        var result = WebAuthnVerifier.VerifyAssertion(RequestOptions, json, new WebAuthnStoredCredential(Key.CredentialIdText, Key.CosePublicKey()), s_options);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [TestCase("\"-7\"")]
    [TestCase("null")]
    [TestCase("true")]
    public void VerifyRegistration_AlgOfWrongTypeInOptions_FailsMalformedInput(string alg)
    {
        // Threw InvalidOperationException before the fix (found by tests/Mfa.RandomInput.Tests).
        var options = CreationOptions.Replace("\"alg\":-7", "\"alg\":" + alg, StringComparison.Ordinal);

        var result = WebAuthnVerifier.VerifyRegistration(options, Key.Register(CreationOptions).ToJson(), s_options, s_now);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [TestCase("fQ=", Description = "partial padding: Base64Url.IsValid accepts it, decoding throws FormatException")]
    [TestCase("AAAAfQ=")]
    public void TryDecode_ValidatedButUndecodable_ReturnsFalse(string text)
    {
        Assert.That(ResponseDecoder.TryDecode(text, 64, out _), Is.False);
    }

    [Test]
    public void VerifyAssertion_ClientDataWithPartialPadding_FailsMalformedInput()
    {
        var json = Key.Assert(RequestOptions).ToJson();
        var clientData = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("response").GetProperty("clientDataJSON").GetString()!;
        var broken = clientData.Length % 4 == 2 ? clientData + "=" : clientData[..^((clientData.Length % 4) + 2)] + "=";

        var result = WebAuthnVerifier.VerifyAssertion(RequestOptions, json.Replace(clientData, broken, StringComparison.Ordinal), new WebAuthnStoredCredential(Key.CredentialIdText, Key.CosePublicKey()), s_options);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    private static string Place(string json, string bad, string where) => where switch
    {
        "member name" => "{\"x" + bad + "\":1," + json[1..],
        "credential id" => "{\"id\":\"A" + bad + "\"," + json[(json.IndexOf(",\"rawId\"", StringComparison.Ordinal) + 1)..],
        "between tokens" => json.Replace(",\"type\"", "," + bad + "\"type\"", StringComparison.Ordinal),
        _ => bad,
    };
}
