using System.Buffers.Text;
using System.Security.Cryptography;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Cose;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>
/// WebAuthn L3 §7.1 "Registering a New Credential", top to bottom, each step numbered as in the specification (the step
/// list and its source are in <c>docs/webauthn-procedures.md</c>). Shared by the factor and <see cref="WebAuthnVerifier"/>;
/// the caller supplies what the ceremony expects (<see cref="RegistrationExpectation"/>: the issued challenge, the offered
/// algorithms, the user's registered credential ids). Parsing helpers stay apart: the response JSON
/// (<see cref="ResponseDecoder"/>), the client data (<see cref="ClientDataVerifier"/>), the attestation object
/// (<see cref="AttestationObject"/>, with the flag checks in <see cref="AuthenticatorDataChecks"/>), each attestation
/// statement format (<see cref="AttestationVerifier"/>) and trust (<see cref="AttestationTrustEvaluator"/>). Every check
/// returns a typed failure; nothing here throws for bad input.
/// </summary>
internal static class RegistrationProcedure
{
    /// <summary>The longest credential id accepted (§6.5.1 and §7.1 step 25).</summary>
    public const int MaxCredentialIdLength = 1023;

    /// <summary>Runs §7.1 on a <c>RegistrationResponseJSON</c>.</summary>
    /// <param name="policy">The relying party.</param>
    /// <param name="expectation">What the ceremony expects: <c>options</c> as issued, and the credential ids already registered.</param>
    /// <param name="responseJson">The <c>RegistrationResponseJSON</c> (<c>JSON.stringify(credential)</c>).</param>
    /// <param name="kind">The kind of authenticator the options asked for (stored with the record).</param>
    /// <returns>The new credential record (step 27), or the first failing step's reason.</returns>
    public static RegistrationOutcome Verify(RelyingPartyPolicy policy, RegistrationExpectation expectation, string responseJson, WebAuthnAuthenticatorKind kind)
    {
        // 1. Let options be a new PublicKeyCredentialCreationOptions structure configured to the Relying Party's needs
        //    for the ceremony. (Not here: BeginEnrollment or the host built options; expectation holds what this
        //    procedure needs.)
        // 2. Call navigator.credentials.create() and pass options as the publicKey option. (Client side: the browser.)
        // 3. Let response be credential.response. If response is not an AuthenticatorAttestationResponse, abort the ceremony.
        // 4. Let clientExtensionResults be the result of calling credential.getClientExtensionResults().
        //    (Steps 3–4 on the server: decode the RegistrationResponseJSON, its response and clientExtensionResults.)
        if (!ResponseDecoder.TryDecodeRegistration(responseJson, out var response, out var message) || response is null)
        {
            return RegistrationOutcome.Fail(MfaFailureReason.MalformedInput, message);
        }

        // 5. Let JSONtext be the result of running UTF-8 decode on the value of response.clientDataJSON.
        // 6. Let C, the client data claimed as collected during the credential creation, be the result of running an
        //    implementation-specific JSON parser on JSONtext.
        // 7. Verify that the value of C.type is webauthn.create.
        // 8. Verify that the value of C.challenge equals the base64url encoding of options.challenge.
        // 9. Verify that the value of C.origin is an origin expected by the Relying Party.
        // 10. If C.topOrigin is present, verify that the Relying Party expects this credential to be created within an
        //     iframe that is not same-origin with its ancestors, and that C.topOrigin is a page it expects to be framed in.
        //     (ClientDataVerifier parses C and runs these checks in this order, with C.crossOrigin and tokenBinding.)
        var failure = ClientDataVerifier.Verify(response.ClientDataJson, "webauthn.create"u8, expectation.Challenge.Span, policy, out message);
        if (failure != MfaFailureReason.None)
        {
            return RegistrationOutcome.Fail(failure, message);
        }

        // 11. Let hash be the result of computing a hash over response.clientDataJSON using SHA-256.
        var hash = SHA256.HashData(response.ClientDataJson);

        // 12. Perform CBOR decoding on the attestationObject to obtain the attestation statement format fmt, the
        //     authenticator data authData, and the attestation statement attStmt.
        if (!AttestationObject.TryParse(response.AttestationObject, out var attestationObject, out failure) || attestationObject is null)
        {
            return RegistrationOutcome.Fail(Malformed(failure), "The attestation object is malformed.");
        }

        var authData = attestationObject.AuthenticatorData;
        if (authData.AttestedCredential is not { } attested || !authData.Flags.HasFlag(AuthenticatorDataFlags.AttestedCredentialData))
        {
            return RegistrationOutcome.Fail(MfaFailureReason.MalformedInput, "The authenticator data has no attested credential data.");
        }

        // 13. Verify that the rpIdHash in authData is the SHA-256 hash of the RP ID expected by the Relying Party.
        // 14. Verify that the UP bit of the flags in authData is set, unless options.mediation is conditional.
        // 15. If the Relying Party requires user verification for this registration, verify that the UV bit is set.
        // 16. If the BE bit of the flags in authData is not set, verify that the BS bit is not set.
        //     (AuthenticatorDataChecks runs steps 13–16 in this order.)
        failure = AuthenticatorDataChecks.Verify(authData, policy.RelyingPartyIdHash, expectation.RequireUserPresence, expectation.RequireUserVerification, out message);
        if (failure != MfaFailureReason.None)
        {
            return RegistrationOutcome.Fail(failure, message);
        }

        // 17. If the Relying Party uses the credential's backup eligibility to inform its user experience flows and/or
        //     policies, evaluate the BE bit of the flags in authData.
        // 18. If the Relying Party uses the credential's backup state to inform its user experience flows and/or policies,
        //     evaluate the BS bit of the flags in authData.
        //     (No registration policy depends on them: both are stored with the record at step 27; §7.2 step 18 holds
        //     every later assertion to the BE recorded here, and the record's kind shows a synced passkey.)

        // 19. Verify that the "alg" parameter in the credential public key in authData matches the alg attribute of one of
        //     the items in options.pubKeyCredParams.
        if (!CoseKey.TryDecode(attested.CredentialPublicKey, policy.AllowRs1, out var publicKey, out failure) || publicKey is null)
        {
            return RegistrationOutcome.Fail(Malformed(failure), "The credential public key is malformed or uses an unsupported algorithm.");
        }

        if (!expectation.Algorithms.Contains((int)publicKey.Algorithm))
        {
            return RegistrationOutcome.Fail(MfaFailureReason.UnsupportedAlgorithm, "The credential uses an algorithm that was not offered.");
        }

        // 20. Verify that the client and authenticator extension outputs are as expected. This relying party requests no
        //     authenticator extension: outputs were parsed (CTAP2 canonical CBOR) with authData and unsolicited ones are
        //     ignored. The one client extension output read, credProps.rk, is stored at step 27.

        // 21. Determine the attestation statement format by performing a USASCII case-sensitive match on fmt against the
        //     set of supported WebAuthn Attestation Statement Format Identifier values.
        if (!AttestationVerifier.IsSupportedFormat(attestationObject.Format))
        {
            return RegistrationOutcome.Fail(MfaFailureReason.UnsupportedAttestationFormat, AttestationVerifier.UnsupportedFormatMessage);
        }

        // 22. Verify that attStmt is a correct attestation statement, conveying a valid attestation signature, by using
        //     the attestation statement format fmt's verification procedure given attStmt, authData and hash.
        var aaguid = new Guid(attested.Aaguid.Span, bigEndian: true);
        var attestation = AttestationVerifier.Verify(new AttestationInput
        {
            Format = attestationObject.Format,
            Statement = attestationObject.Statement,
            AuthenticatorData = authData.Raw,
            ClientDataHash = hash,
            RpIdHash = authData.RpIdHash,
            Aaguid = attested.Aaguid,
            CredentialId = attested.CredentialId,
            CredentialPublicKey = publicKey,
            Now = expectation.Now,
            AllowRs1 = policy.AllowRs1,
            RequireSafetyNetCtsProfileMatch = policy.RequireSafetyNetCtsProfileMatch,
        });
        if (!attestation.Succeeded)
        {
            return RegistrationOutcome.Fail(attestation.Failure, attestation.Message ?? "The attestation statement does not verify.");
        }

        // 23. If validation is successful, obtain a list of acceptable trust anchors for that attestation type and
        //     attestation statement format fmt, from a trusted source or from policy (the configured anchors for this
        //     AAGUID, or the model's metadata roots when a trust source knows it).
        // 24. Assess the attestation trustworthiness using the outputs of the verification procedure in step 22: none and
        //     self attestation have no trust path; an x5c path must chain to an anchor at the verification time. A model
        //     whose status the host refuses fails here.
        //     (AttestationTrustEvaluator runs steps 23–24.)
        var trust = AttestationTrustEvaluator.Evaluate(aaguid, attestation.TrustPath, policy.TrustAnchors, policy.TrustSource, expectation.Now, attestationObject.Format);
        if (!trust.Succeeded)
        {
            return RegistrationOutcome.Fail(trust.Failure, trust.Message, trust.Model);
        }

        //     Step 28's policy, applied as soon as trust is known: a host that requires trusted attestation fails an
        //     attestation that is not trustworthy (otherwise the record is kept with Trusted false or unknown).
        if (policy.RequireTrustedAttestation && trust.Trusted != true)
        {
            return RegistrationOutcome.Fail(MfaFailureReason.UntrustedAttestation, "The attestation does not chain to a trusted anchor for this authenticator model.");
        }

        // 25. Verify that the credentialId is ≤ 1023 bytes.
        if (attested.CredentialId.Length is 0 or > MaxCredentialIdLength)
        {
            return RegistrationOutcome.Fail(MfaFailureReason.MalformedInput, "The credential id is empty or longer than 1023 bytes.");
        }

        //     The record's id (step 27) is credential.id: it must name that credentialId.
        if (!attested.CredentialId.Span.SequenceEqual(response.CredentialId))
        {
            return RegistrationOutcome.Fail(MfaFailureReason.MalformedInput, "The credential id differs from the one in the authenticator data.");
        }

        //     What the client reported must agree with what step 19 verified: response.getPublicKeyAlgorithm() names the
        //     key's own algorithm.
        if (response.PublicKeyAlgorithm is { } reported && reported != (long)publicKey.Algorithm)
        {
            return RegistrationOutcome.Fail(MfaFailureReason.UnsupportedAlgorithm, "The reported publicKeyAlgorithm differs from the credential's.");
        }

        //     authenticatorSelection.authenticatorAttachment is a hint to the client (§5.4.4); enforced here when the
        //     client reports the attachment it used, so a device-bound enrollment cannot end with a roaming key and the
        //     other way round.
        if (expectation.Attachment is { } asked && response.Attachment is { } used && !string.Equals(asked, used, StringComparison.Ordinal))
        {
            return RegistrationOutcome.Fail(MfaFailureReason.AttachmentMismatch, "The authenticator's attachment is not the one the options asked for.");
        }

        // 26. Verify that the credentialId is not yet registered for any user (prevents registering a victim's credential):
        //     the user's credentials here (excludeCredentials, enforced server-side); every user's by the store's unique
        //     index when the service stores the record.
        var id = Base64Url.EncodeToString(response.CredentialId);
        if (expectation.ExcludeCredentials.Contains(id, StringComparer.Ordinal))
        {
            return RegistrationOutcome.Fail(MfaFailureReason.AlreadyEnrolled, "This credential is already registered.");
        }

        // 27. If the attestation statement attStmt verified successfully and is found to be trustworthy, create a new
        //     credential record (type, id, publicKey, signCount, uvInitialized, transports, backupEligible, backupState)
        //     for the user account denoted in options.user. (The caller stores it: the MFA service, or the host.)
        var credential = new WebAuthnCredentialInfo
        {
            Id = id,
            PublicKey = publicKey.Encoded,
            Algorithm = publicKey.Algorithm,
            SignCount = authData.SignCount,
            Aaguid = aaguid,
            Format = attestationObject.Format,
            AttestationType = attestation.Type,
            BackupEligible = authData.Flags.HasFlag(AuthenticatorDataFlags.BackupEligible),
            BackupState = authData.Flags.HasFlag(AuthenticatorDataFlags.BackupState),
            UserVerified = authData.Flags.HasFlag(AuthenticatorDataFlags.UserVerified),
            Discoverable = response.Discoverable,
            Transports = response.Transports,
            Kind = kind,
        };

        // 28. If the attestation statement attStmt successfully verified but is not trustworthy per step 24, the Relying
        //     Party SHOULD fail the registration ceremony. (Applied after step 24 when the host requires trusted
        //     attestation; otherwise the record keeps Trusted false, or null when no anchors are configured.)
        return RegistrationOutcome.Success(credential, authData.Flags, attestation.TrustPath, trust.Trusted, trust.Model);
    }

    private static MfaFailureReason Malformed(MfaFailureReason failure) => failure == MfaFailureReason.None ? MfaFailureReason.MalformedInput : failure;
}
