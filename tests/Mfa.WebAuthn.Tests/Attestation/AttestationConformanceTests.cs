using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Cose;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Tests.Attestation;

/// <summary>Runs every registration case of the conformance data through parsing, COSE decoding and attestation.</summary>
[TestFixture]
public sealed class AttestationConformanceTests
{
    private static readonly Dictionary<string, MfaFailureReason> s_attestationErrors = new(StringComparer.Ordinal)
    {
        ["attestation-signature-invalid"] = MfaFailureReason.InvalidSignature,
        ["attestation-format-unsupported"] = MfaFailureReason.UnsupportedAttestationFormat,
        ["attestation-aaguid-mismatch"] = MfaFailureReason.InvalidAttestation,
        ["safetynet-cts-profile-mismatch"] = MfaFailureReason.PolicyViolation,
    };

    private static readonly Dictionary<string, AttestationType> s_types = new(StringComparer.Ordinal)
    {
        ["none"] = AttestationType.None,
        ["self"] = AttestationType.Self,
        ["basic-or-attca"] = AttestationType.BasicOrAttCa,
        ["basic"] = AttestationType.Basic,
        ["attca"] = AttestationType.AttCa,
        ["anonca"] = AttestationType.AnonCa,
    };

    private static IEnumerable<string> RegistrationIds() => ConformanceCases.RegistrationIds();

    private static IEnumerable<string> TrustAnchorIds() =>
        ConformanceCases.RegistrationIds().Where(id => ConformanceCases.Registration(id).GetProperty("policy").TryGetProperty("trustAnchors", out _));

    [TestCaseSource(nameof(RegistrationIds))]
    public void Verify_RegistrationCase_MatchesExpectedOutcome(string id)
    {
        var testCase = ConformanceCases.Registration(id);
        var error = ConformanceCases.Text(testCase, "expected", "error");
        var attestationObject = ConformanceCases.Bytes(ConformanceCases.Text(testCase, "credential", "response", "attestationObject")!);

        var parsed = AttestationObject.TryParse(attestationObject, out var value, out var parseFailure);
        if (error == "malformed-cbor")
        {
            Assert.That((parsed, parseFailure), Is.EqualTo((false, MfaFailureReason.MalformedInput)));
            return;
        }

        Assert.That(parseFailure, Is.EqualTo(MfaFailureReason.None));
        var result = Verify(testCase, value!);

        if (error is not null && s_attestationErrors.TryGetValue(error, out var expectedFailure))
        {
            Assert.That(result.Failure, Is.EqualTo(expectedFailure), result.Message);
            TestContext.Out.WriteLine(result.Message);
            return;
        }

        // Success cases, and negatives decided by the relying party (challenge, origin, RP ID, flags, allowed
        // algorithms, token binding, trust anchors): the attestation statement itself verifies.
        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.None), result.Message);
        var expectedType = ConformanceCases.Text(testCase, "expected", "attestationType");
        if (expectedType is not null)
        {
            Assert.That(result.Type, Is.EqualTo(s_types[expectedType]));
        }

        var expectedLength = testCase.GetProperty("expected").TryGetProperty("attestationCertificates", out var certificates)
            ? certificates.GetProperty("x5cLength").GetInt32()
            : 0;
        Assert.That(result.TrustPath, Has.Count.EqualTo(expectedLength));
    }

    [TestCaseSource(nameof(TrustAnchorIds))]
    public void ChainsToAnchor_CaseWithTrustAnchors_MatchesExpectedOutcome(string id)
    {
        var testCase = ConformanceCases.Registration(id);
        var attestationObject = ConformanceCases.Bytes(ConformanceCases.Text(testCase, "credential", "response", "attestationObject")!);
        Assert.That(AttestationObject.TryParse(attestationObject, out var value, out _), Is.True);
        var trustPath = TrustPath(value!);
        var anchors = testCase.GetProperty("policy").GetProperty("trustAnchors").EnumerateArray()
            .Select(a => ConformanceCases.Anchor(a.GetString()!)).ToList();

        var chains = TrustAnchorEvaluator.ChainsToAnchor(trustPath, anchors, VerificationTime(testCase, value!));

        Assert.That(chains, Is.EqualTo(ConformanceCases.Text(testCase, "expected", "error") != "attestation-trust-path-invalid"));
    }

    [Test]
    public void Verify_SafetyNetCtsFalseWithoutEnforcement_Succeeds()
    {
        // The same response verifies when the RP does not require ctsProfileMatch (SimpleWebAuthn's companion test).
        var testCase = ConformanceCases.Registration("reg-simplewebauthn-neg-android-safetynet-cts-false");
        Assert.That(AttestationObject.TryParse(ConformanceCases.Bytes(ConformanceCases.Text(testCase, "credential", "response", "attestationObject")!), out var value, out _), Is.True);
        var input = Input(testCase, value!, allowRs1: false);
        Assert.That(input.RequireSafetyNetCtsProfileMatch, Is.True);

        var result = AttestationVerifier.Verify(new AttestationInput
        {
            Format = input.Format,
            Statement = input.Statement,
            AuthenticatorData = input.AuthenticatorData,
            ClientDataHash = input.ClientDataHash,
            RpIdHash = input.RpIdHash,
            Aaguid = input.Aaguid,
            CredentialId = input.CredentialId,
            CredentialPublicKey = input.CredentialPublicKey,
            Now = input.Now,
            RequireSafetyNetCtsProfileMatch = false,
        });

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.None), result.Message);
        Assert.That(result.Type, Is.EqualTo(AttestationType.Basic));
    }

    internal static AttestationResult Verify(JsonElement testCase, AttestationObject value) =>
        AttestationVerifier.Verify(Input(testCase, value, allowRs1: true));

    /// <summary>The attestation input for a case: the RP allows RS1 (legacy TPM statements) and applies the case's CTS policy.</summary>
    internal static AttestationInput Input(JsonElement testCase, AttestationObject value, bool allowRs1)
    {
        var clientData = ConformanceCases.Bytes(ConformanceCases.Text(testCase, "credential", "response", "clientDataJSON")!);
        var attested = value.AuthenticatorData.AttestedCredential!;
        Assert.That(CoseKey.TryDecode(attested.CredentialPublicKey, allowRs1: true, out var key, out var keyFailure), Is.True, keyFailure.ToString());
        var policy = testCase.GetProperty("policy");
        return new AttestationInput
        {
            Format = value.Format,
            Statement = value.Statement,
            AuthenticatorData = value.AuthenticatorData.Raw,
            ClientDataHash = SHA256.HashData(clientData),
            RpIdHash = value.AuthenticatorData.RpIdHash,
            Aaguid = attested.Aaguid,
            CredentialId = attested.CredentialId,
            CredentialPublicKey = key!,
            Now = VerificationTime(testCase, value),
            AllowRs1 = allowRs1,
            RequireSafetyNetCtsProfileMatch = policy.TryGetProperty("enforceSafetyNetCtsProfileMatch", out var cts) && cts.GetBoolean(),
        };
    }

    /// <summary>
    /// The case's pinned clock; else a time inside every certificate's validity; else a fixed date. SafetyNet cases
    /// use the JWS timestamp, because the SDK checks freshness against the clock (±60 s) where the source did not.
    /// </summary>
    internal static DateTimeOffset VerificationTime(JsonElement testCase, AttestationObject value)
    {
        if (value.Format == "android-safetynet")
        {
            return SafetyNetTimestamp(value);
        }

        if (ConformanceCases.Text(testCase, "policy", "verifyAt") is { } verifyAt)
        {
            return ConformanceCases.ParseTime(verifyAt);
        }

        if (ConformanceCases.Text(testCase, "expected", "attestationCertificates", "validityWindow", "from") is { } from)
        {
            return ConformanceCases.ParseTime(from).AddDays(1);
        }

        return new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    internal static DateTimeOffset SafetyNetTimestamp(AttestationObject value)
    {
        var statement = AttestationStatement.Parse(value.Statement);
        var jws = System.Text.Encoding.ASCII.GetString(statement.GetBytes("response").Span).Split('.');
        using var payload = JsonDocument.Parse(ConformanceCases.Bytes(jws[1]));
        return DateTimeOffset.FromUnixTimeMilliseconds(payload.RootElement.GetProperty("timestampMs").GetInt64());
    }

    /// <summary>The x5c of the statement (for SafetyNet, of the JWS header), read without verifying the statement.</summary>
    internal static List<X509Certificate2> TrustPath(AttestationObject value)
    {
        var statement = AttestationStatement.Parse(value.Statement);
        if (value.Format != "android-safetynet")
        {
            return [.. statement.GetByteStrings("x5c").Select(c => X509CertificateLoader.LoadCertificate(c.Span))];
        }

        var jws = System.Text.Encoding.ASCII.GetString(statement.GetBytes("response").Span).Split('.');
        using var header = JsonDocument.Parse(ConformanceCases.Bytes(jws[0]));
        return [.. header.RootElement.GetProperty("x5c").EnumerateArray().Select(c => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(c.GetString()!)))];
    }
}
