using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Mfa.Core;
using Mfa.WebAuthn.Ceremonies;
using Mfa.WebAuthn.Cose;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Tests.Ceremonies;

/// <summary>
/// Runs every case of the WebAuthn conformance fixtures (TestData/webauthn) through the relying party's §7.1 and §7.2
/// verification: options built from the case, the response decoded from its JSON, the outcome compared field by field.
/// </summary>
[TestFixture]
public sealed class ConformanceTests
{
    /// <summary>The fixture's reference date; certificates are checked here unless the case pins <c>policy.verifyAt</c>.</summary>
    private static readonly DateTimeOffset s_defaultNow = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The fixture error vocabulary (TestData/webauthn/README.md) mapped to the SDK's failure reasons.</summary>
    private static readonly Dictionary<string, MfaFailureReason> s_errors = new(StringComparer.Ordinal)
    {
        ["client-data-type-mismatch"] = MfaFailureReason.WrongType,
        ["challenge-mismatch"] = MfaFailureReason.WrongChallenge,
        ["origin-mismatch"] = MfaFailureReason.OriginNotAllowed,
        ["cross-origin-not-allowed"] = MfaFailureReason.OriginNotAllowed,
        ["top-origin-mismatch"] = MfaFailureReason.OriginNotAllowed,
        ["rp-id-hash-mismatch"] = MfaFailureReason.RelyingPartyMismatch,
        ["user-not-present"] = MfaFailureReason.UserPresenceRequired,
        ["user-not-verified"] = MfaFailureReason.UserVerificationRequired,
        ["alg-not-allowed"] = MfaFailureReason.UnsupportedAlgorithm,
        ["malformed-cbor"] = MfaFailureReason.MalformedInput,
        ["attestation-format-unsupported"] = MfaFailureReason.UnsupportedAttestationFormat,
        ["attestation-signature-invalid"] = MfaFailureReason.InvalidSignature,
        ["attestation-aaguid-mismatch"] = MfaFailureReason.InvalidAttestation,
        ["attestation-trust-path-invalid"] = MfaFailureReason.UntrustedAttestation,
        ["safetynet-cts-profile-mismatch"] = MfaFailureReason.PolicyViolation,
        ["token-binding-invalid"] = MfaFailureReason.MalformedInput,
        ["signature-invalid"] = MfaFailureReason.InvalidSignature,
        ["sign-count-regression"] = MfaFailureReason.CounterRollback,
    };

    private static IEnumerable<string> RegistrationIds() => ConformanceCases.RegistrationIds();

    private static IEnumerable<string> AuthenticationIds() => ConformanceCases.AuthenticationIds();

    [TestCaseSource(nameof(RegistrationIds))]
    public void VerifyRegistration_ConformanceCase_MatchesExpectedOutcome(string id)
    {
        var testCase = ConformanceCases.Registration(id);
        var expected = testCase.GetProperty("expected");
        var (policy, expectation, anchors, aaguid) = PrepareRegistration(testCase);
        var (failure, outcome) = VerifyRegistration(testCase.GetProperty("credential").GetRawText(), policy, expectation);

        if (ConformanceCases.Text(expected, "outcome") == "failure")
        {
            Assert.That(failure, Is.AnyOf(AcceptedFailures(testCase)), outcome?.Message);
            return;
        }

        Assert.That(failure, Is.EqualTo(MfaFailureReason.None), outcome?.Message);
        var result = outcome!;
        var credential = result.Credential!;
        Assert.Multiple(() =>
        {
            Assert.That(credential.Id, Is.EqualTo(ConformanceCases.Text(expected, "credentialId")));
            Assert.That(credential.Aaguid, Is.EqualTo(aaguid));
            Assert.That((int)credential.Algorithm, Is.EqualTo(expected.GetProperty("alg").GetInt32()));
            Assert.That(credential.PublicKey.ToArray(), Is.EqualTo(ConformanceCases.Bytes(ConformanceCases.Text(expected, "credentialPublicKey")!)));
            Assert.That(credential.SignCount, Is.EqualTo(expected.GetProperty("signCount").GetUInt32()));
            Assert.That(FlagsOf(result.Flags), Is.EqualTo(ExpectedFlags(expected)));
            Assert.That(credential.UserVerified, Is.EqualTo(expected.GetProperty("userVerified").GetBoolean()));
            Assert.That(credential.BackupEligible, Is.EqualTo(expected.GetProperty("backupEligible").GetBoolean()));
            Assert.That(credential.BackupState, Is.EqualTo(expected.GetProperty("backedUp").GetBoolean()));
            Assert.That(credential.Format, Is.EqualTo(ConformanceCases.Text(expected, "fmt")));
            Assert.That(WebAuthnNames.Of(credential.AttestationType), Is.EqualTo(ConformanceCases.Text(expected, "attestationType")));
            if (anchors is not null)
            {
                Assert.That(result.Trusted, Is.True);
            }
        });
    }

    /// <summary>
    /// Issue #9 (FIDO conformance, server attestation response F-10): every trusted case with an x5c that the
    /// statement's signature does not cover, with its trust anchor appended to x5c, is refused; Android Key, whose
    /// devices always send Google's root, still verifies. The packed, tpm and apple cases were accepted before the fix.
    /// </summary>
    [TestCaseSource(nameof(TrustedRegistrationIds))]
    public void VerifyRegistration_TrustedRootAppendedToX5c_RefusedExceptAndroidKey(string id)
    {
        var testCase = ConformanceCases.Registration(id);
        var (policy, expectation, anchors, _) = PrepareRegistration(testCase);
        var credential = testCase.GetProperty("credential");
        var attestationObject = ConformanceCases.Bytes(ConformanceCases.Text(credential, "response", "attestationObject")!);
        var withRoot = Base64Url.EncodeToString(AppendToX5c(attestationObject, anchors![^1].RawData));
        var json = credential.GetRawText().Replace(ConformanceCases.Text(credential, "response", "attestationObject")!, withRoot, StringComparison.Ordinal);

        var (failure, outcome) = VerifyRegistration(json, policy, expectation);

        if (ConformanceCases.Text(testCase, "expected", "fmt") == "android-key")
        {
            Assert.That(failure, Is.EqualTo(MfaFailureReason.None), outcome?.Message);
        }
        else
        {
            Assert.That(failure, Is.EqualTo(MfaFailureReason.InvalidAttestation), outcome?.Message);
        }
    }

    private static IEnumerable<string> TrustedRegistrationIds() => RegistrationIds().Where(id =>
    {
        var testCase = ConformanceCases.Registration(id);
        return testCase.GetProperty("policy").TryGetProperty("trustAnchors", out _)
            && ConformanceCases.Text(testCase, "expected", "outcome") == "success"
            && ConformanceCases.Text(testCase, "expected", "fmt") != "android-safetynet"; // x5c sits in the signed JWS
    });

    /// <summary>Re-encodes an attestation object with <paramref name="certificate"/> appended to attStmt.x5c, keeping the rest.</summary>
    private static byte[] AppendToX5c(byte[] attestationObject, byte[] certificate)
    {
        var reader = new CborReader(attestationObject, CborConformanceMode.Lax);
        var writer = new CborWriter(CborConformanceMode.Lax);
        var count = reader.ReadStartMap()!.Value;
        writer.WriteStartMap(count);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadTextString();
            writer.WriteTextString(key);
            if (key != "attStmt")
            {
                writer.WriteEncodedValue(reader.ReadEncodedValue().Span);
                continue;
            }

            var members = reader.ReadStartMap()!.Value;
            writer.WriteStartMap(members);
            for (var m = 0; m < members; m++)
            {
                var name = reader.ReadTextString();
                writer.WriteTextString(name);
                if (name != "x5c")
                {
                    writer.WriteEncodedValue(reader.ReadEncodedValue().Span);
                    continue;
                }

                var length = reader.ReadStartArray()!.Value;
                writer.WriteStartArray(length + 1);
                for (var c = 0; c < length; c++)
                {
                    writer.WriteByteString(reader.ReadByteString());
                }

                reader.ReadEndArray();
                writer.WriteByteString(certificate);
                writer.WriteEndArray();
            }

            reader.ReadEndMap();
            writer.WriteEndMap();
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    private static (RelyingPartyPolicy Policy, RegistrationExpectation Expectation, List<X509Certificate2>? Anchors, Guid Aaguid) PrepareRegistration(JsonElement testCase)
    {
        var expected = testCase.GetProperty("expected");
        var policyJson = testCase.GetProperty("policy");
        var anchors = policyJson.TryGetProperty("trustAnchors", out var names) ? names.EnumerateArray().Select(n => ConformanceCases.Anchor(n.GetString()!)).ToList() : null;
        var aaguid = ConformanceCases.Text(expected, "aaguid") is { } text ? Guid.Parse(text) : Guid.Empty;
        // RS1 is enabled only for an RS1 credential key; TPM statements signed with RS1 (Windows Hello) verify by default.
        var options = OptionsFor(testCase, expected.TryGetProperty("alg", out var alg) && alg.GetInt32() == (int)CoseAlgorithm.RS1);
        if (anchors is not null)
        {
            options.Attestation = AttestationConveyance.Direct;
            options.TrustAnchors = new Dictionary<Guid, IReadOnlyList<X509Certificate2>> { [aaguid] = anchors };
            options.RequireTrustedAttestation = true;
        }

        if (policyJson.TryGetProperty("enforceSafetyNetCtsProfileMatch", out var cts))
        {
            options.RequireSafetyNetCtsProfileMatch = cts.GetBoolean();
        }

        var policy = Policy(options);
        var expectation = new RegistrationExpectation
        {
            Challenge = ConformanceCases.Bytes(ConformanceCases.Text(testCase, "options", "challenge")!),
            Algorithms = policyJson.TryGetProperty("allowedAlgorithms", out var algs) ? [.. algs.EnumerateArray().Select(a => a.GetInt32())] : [.. Enum.GetValues<CoseAlgorithm>().Select(a => (int)a)],
            RequireUserVerification = ConformanceCases.Text(policyJson, "userVerification") == "required",
            RequireUserPresence = !policyJson.TryGetProperty("requireUserPresence", out var up) || up.GetBoolean(),
            Now = Now(testCase),
        };
        return (policy, expectation, anchors, aaguid);
    }

    [TestCaseSource(nameof(AuthenticationIds))]
    public void VerifyAssertion_ConformanceCase_MatchesExpectedOutcome(string id)
    {
        var testCase = ConformanceCases.Authentication(id);
        var expected = testCase.GetProperty("expected");
        var stored = testCase.GetProperty("storedCredential");
        var policy = Policy(OptionsFor(testCase, allowRs1: false));
        var storedKey = ConformanceCases.Bytes(ConformanceCases.Text(stored, "credentialPublicKey")!);
        Assert.That(CoseKey.TryDecode(storedKey, allowRs1: false, out var key, out var keyFailure), Is.True, keyFailure.ToString());
        var decodedOk = ResponseDecoder.TryDecodeAssertion(testCase.GetProperty("credential").GetRawText(), out var decoded, out var message);
        Assert.That(decodedOk, Is.True, message);
        Assert.That(decoded!.CredentialIdText, Is.EqualTo(Base64Url.EncodeToString(ConformanceCases.Bytes(ConformanceCases.Text(stored, "credentialId")!))));
        var expectation = new AssertionExpectation(
            ConformanceCases.Bytes(ConformanceCases.Text(testCase, "options", "challenge")!),
            ConformanceCases.Text(testCase, "policy", "userVerification") == "required",
            AppId: null);
        var record = new AssertionCredential(
            storedKey,
            UserHandle: ReadOnlyMemory<byte>.Empty,
            stored.GetProperty("signCount").GetUInt32(),
            stored.TryGetProperty("backupEligible", out var be) && be.GetBoolean(),
            IsDevice: false);

        var outcome = AssertionProcedure.Verify(policy, new CoseKeyCache(), expectation, [], decoded, Lookup, userIdentifiedBefore: true);

        MfaFailureReason Lookup(DecodedAssertion _, out AssertionCredential credential, out string? failureMessage)
        {
            (credential, failureMessage) = (record, null);
            return MfaFailureReason.None;
        }

        if (ConformanceCases.Text(expected, "outcome") == "failure")
        {
            Assert.That(outcome.Failure, Is.AnyOf(AcceptedFailures(testCase)), outcome.Message);
            return;
        }

        Assert.That(outcome.Failure, Is.EqualTo(MfaFailureReason.None), outcome.Message);
        Assert.Multiple(() =>
        {
            Assert.That((int)key!.Algorithm, Is.EqualTo(expected.GetProperty("alg").GetInt32()));
            Assert.That(decoded.CredentialIdText, Is.EqualTo(Base64Url.EncodeToString(ConformanceCases.Bytes(ConformanceCases.Text(expected, "credentialId")!))));
            Assert.That(outcome.StoredSignCount, Is.EqualTo(expected.GetProperty("signCount").GetUInt32()));
            Assert.That(FlagsOf(outcome.Flags), Is.EqualTo(ExpectedFlags(expected)));
            Assert.That(outcome.UserVerified, Is.EqualTo(expected.GetProperty("userVerified").GetBoolean()));
            Assert.That(outcome.BackupEligible, Is.EqualTo(expected.GetProperty("backupEligible").GetBoolean()));
            Assert.That(outcome.BackupState, Is.EqualTo(expected.GetProperty("backedUp").GetBoolean()));
            Assert.That(outcome.CounterRollback, Is.False);
        });
    }

    /// <summary>
    /// The case's pinned clock (policy.verifyAt), else the fixture's reference date. SafetyNet responses are checked at
    /// their JWS timestamp: the SDK requires them fresh (±60 s) where the sources disabled that check.
    /// </summary>
    private static DateTimeOffset Now(JsonElement testCase)
    {
        if (ConformanceCases.Text(testCase, "expected", "fmt") == "android-safetynet"
            && ResponseDecoder.TryDecodeRegistration(testCase.GetProperty("credential").GetRawText(), out var decoded, out _)
            && AttestationObject.TryParse(decoded!.AttestationObject, out var parsed, out _))
        {
            return Attestation.AttestationConformanceTests.SafetyNetTimestamp(parsed!);
        }

        return ConformanceCases.Text(testCase, "policy", "verifyAt") is { } at ? ConformanceCases.ParseTime(at) : s_defaultNow;
    }

    private static (MfaFailureReason Failure, RegistrationOutcome? Outcome) VerifyRegistration(string credentialJson, RelyingPartyPolicy policy, RegistrationExpectation expectation)
    {
        var outcome = RegistrationProcedure.Verify(policy, expectation, credentialJson, WebAuthnAuthenticatorKind.SecurityKey);
        return (outcome.Failure, outcome);
    }

    private static WebAuthnOptions OptionsFor(JsonElement testCase, bool allowRs1)
    {
        var rp = testCase.GetProperty("relyingParty");
        var policy = testCase.GetProperty("policy");
        var options = new WebAuthnOptions
        {
            RelyingPartyId = rp.GetProperty("id").GetString()!,
            RelyingPartyName = "Conformance",
            Origins = [.. rp.GetProperty("origins").EnumerateArray().Select(o => o.GetString()!)],
            AllowCrossOrigin = policy.TryGetProperty("allowCrossOrigin", out var cross) && cross.GetBoolean(),
            UserVerification = ConformanceCases.Text(policy, "userVerification") switch
            {
                "required" => UserVerificationRequirement.Required,
                "discouraged" => UserVerificationRequirement.Discouraged,
                _ => UserVerificationRequirement.Preferred,
            },
            AllowRs1 = allowRs1,
        };
        if (rp.TryGetProperty("topOrigins", out var tops))
        {
            options.AllowedTopOrigins = [.. tops.EnumerateArray().Select(o => o.GetString()!)];
        }

        return options;
    }

    private static RelyingPartyPolicy Policy(WebAuthnOptions options)
    {
        var validation = new WebAuthnOptionsValidator().Validate(null, options);
        Assert.That(validation.Failed, Is.False, validation.FailureMessage);
        return RelyingPartyPolicy.From(options);
    }

    private static MfaFailureReason[] AcceptedFailures(JsonElement testCase) =>
        [.. new[] { ConformanceCases.Text(testCase, "expected", "error")! }.Concat(ConformanceCases.AcceptableErrors(testCase)).Select(e => s_errors[e]).Distinct()];

    private static string FlagsOf(AuthenticatorDataFlags flags) =>
        $"UP={flags.HasFlag(AuthenticatorDataFlags.UserPresent)} UV={flags.HasFlag(AuthenticatorDataFlags.UserVerified)} BE={flags.HasFlag(AuthenticatorDataFlags.BackupEligible)} BS={flags.HasFlag(AuthenticatorDataFlags.BackupState)} AT={flags.HasFlag(AuthenticatorDataFlags.AttestedCredentialData)} ED={flags.HasFlag(AuthenticatorDataFlags.ExtensionData)}";

    private static string ExpectedFlags(JsonElement expected)
    {
        var flags = expected.GetProperty("flags");
        bool F(string name) => flags.GetProperty(name).GetBoolean();
        return $"UP={F("UP")} UV={F("UV")} BE={F("BE")} BS={F("BS")} AT={F("AT")} ED={F("ED")}";
    }
}
