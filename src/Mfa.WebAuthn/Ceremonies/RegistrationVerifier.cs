using System.Security.Cryptography;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Cose;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>
/// Verifies a registration (WebAuthn L3 §7.1, steps 5–24, each commented with its number) up to, not including, the uniqueness of the credential id, which needs
/// the store. Every check returns a typed failure; nothing here throws for bad input.
/// </summary>
internal static class RegistrationVerifier
{
    /// <summary>The longest credential id accepted (§6.5.1, §7.1).</summary>
    public const int MaxCredentialIdLength = 1023;

    public static RegistrationOutcome Verify(RelyingPartyPolicy policy, RegistrationExpectation expectation, ReadOnlySpan<byte> clientDataJson, ReadOnlyMemory<byte> attestationObject)
    {
        // §7.1 steps 5–10: UTF-8 decode and parse clientDataJSON as C; verify C.type is webauthn.create (7), C.challenge (8),
        // C.origin (9) and C.topOrigin (10), with C.crossOrigin and a legacy tokenBinding. Steps 1–4 are the caller's.
        var failure = ClientDataVerifier.Verify(clientDataJson, "webauthn.create"u8, expectation.Challenge.Span, policy, out var message);
        if (failure != MfaFailureReason.None)
        {
            return RegistrationOutcome.Fail(failure, message);
        }

        // 11. Let hash be the result of computing a hash over response.clientDataJSON using SHA-256.
        var clientDataHash = SHA256.HashData(clientDataJson);

        // 12. CBOR-decode the attestationObject to obtain the attestation statement format fmt, the authenticator data
        //     authData, and the attestation statement attStmt.
        if (!AttestationObject.TryParse(attestationObject, out var parsed, out failure) || parsed is null)
        {
            return RegistrationOutcome.Fail(Malformed(failure), "The attestation object is malformed.");
        }

        var authData = parsed.AuthenticatorData;
        if (authData.AttestedCredential is not { } attested || !authData.Flags.HasFlag(AuthenticatorDataFlags.AttestedCredentialData))
        {
            return RegistrationOutcome.Fail(MfaFailureReason.MalformedInput, "The authenticator data has no attested credential data.");
        }

        // 13. Verify the rpIdHash; 14. UP (unless conditional mediation); 15. UV when required; 16. if BE is not set, BS
        //     is not set. (17: the BE/BS values are stored with the credential.)
        failure = AuthenticatorDataChecks.Verify(authData, policy.RelyingPartyIdHash, expectation.RequireUserPresence, expectation.RequireUserVerification, out message);
        if (failure != MfaFailureReason.None)
        {
            return RegistrationOutcome.Fail(failure, message);
        }

        // 18. Verify that the "alg" parameter in the credential public key in authData matches the alg attribute of one
        //     of the items in pubKeyCredParams.
        if (!CoseKey.TryDecode(attested.CredentialPublicKey, policy.AllowRs1, out var key, out failure) || key is null)
        {
            return RegistrationOutcome.Fail(Malformed(failure), "The credential public key is malformed or uses an unsupported algorithm.");
        }

        if (!expectation.Algorithms.Contains((int)key.Algorithm))
        {
            return RegistrationOutcome.Fail(MfaFailureReason.UnsupportedAlgorithm, "The credential uses an algorithm that was not offered.");
        }

        // 19. Extensions: authenticator extension outputs were parsed (CTAP2 canonical) with the authenticator data; this RP
        // requests none, so unsolicited ones are ignored. Client extension outputs are checked by the caller.

        // 20. Determine the attestation statement format; 21. verify that attStmt is a correct attestation statement,
        //     conveying a valid attestation signature, with fmt's verification procedure.
        var aaguid = new Guid(attested.Aaguid.Span, bigEndian: true);
        var attestation = AttestationVerifier.Verify(new AttestationInput
        {
            Format = parsed.Format,
            Statement = parsed.Statement,
            AuthenticatorData = authData.Raw,
            ClientDataHash = clientDataHash,
            RpIdHash = authData.RpIdHash,
            Aaguid = attested.Aaguid,
            CredentialId = attested.CredentialId,
            CredentialPublicKey = key,
            Now = expectation.Now,
            AllowRs1 = policy.AllowRs1,
            RequireSafetyNetCtsProfileMatch = policy.RequireSafetyNetCtsProfileMatch,
        });
        if (!attestation.Succeeded)
        {
            return RegistrationOutcome.Fail(attestation.Failure, attestation.Message ?? "The attestation statement does not verify.");
        }

        // 22. Obtain the trust anchors for this AAGUID (configured, or the model's metadata roots when a trust source knows
        // it); 23. assess the attestation's trustworthiness: none and self attestation have no trust path; an x5c path
        // must chain to an anchor, checked at the verification time. A model whose status the host refuses fails here.
        var trust = AttestationTrustEvaluator.Evaluate(aaguid, attestation.TrustPath, policy.TrustAnchors, policy.TrustSource, expectation.Now, parsed.Format);
        if (!trust.Succeeded)
        {
            return new RegistrationOutcome { Failure = trust.Failure, Message = trust.Message, Aaguid = aaguid, Model = trust.Model };
        }

        var trusted = trust.Trusted;
        if (policy.RequireTrustedAttestation && trusted != true)
        {
            return RegistrationOutcome.Fail(MfaFailureReason.UntrustedAttestation, "The attestation does not chain to a trusted anchor for this authenticator model.");
        }

        // 24. Verify that the credentialId is at most 1023 bytes. (25, that it is not yet registered, is the caller's: it
        //     needs the store; 26–27 create the credential record.)
        if (attested.CredentialId.Length is 0 or > MaxCredentialIdLength)
        {
            return RegistrationOutcome.Fail(MfaFailureReason.MalformedInput, "The credential id is empty or longer than 1023 bytes.");
        }

        return new RegistrationOutcome
        {
            CredentialId = attested.CredentialId,
            PublicKey = key,
            Aaguid = aaguid,
            SignCount = authData.SignCount,
            Flags = authData.Flags,
            Format = parsed.Format,
            AttestationType = attestation.Type,
            TrustPath = attestation.TrustPath,
            Trusted = trusted,
            Model = trust.Model,
        };
    }

    private static MfaFailureReason Malformed(MfaFailureReason failure) => failure == MfaFailureReason.None ? MfaFailureReason.MalformedInput : failure;
}
