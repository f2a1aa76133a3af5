using Mfa.Core;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>
/// A registration response checked end to end except for credential-id uniqueness (which needs the store): the JSON,
/// every §7.1 verification, and the id the client reported against the attested one.
/// </summary>
internal static class CredentialRegistration
{
    public static WebAuthnRegistrationResult Verify(RelyingPartyPolicy policy, RegistrationExpectation expectation, string responseJson, WebAuthnAuthenticatorKind kind)
    {
        if (!ResponseDecoder.TryDecodeRegistration(responseJson, out var decoded, out var message) || decoded is null)
        {
            return WebAuthnRegistrationResult.Failure(MfaFailureReason.MalformedInput, message);
        }

        var outcome = RegistrationVerifier.Verify(policy, expectation, decoded.ClientDataJson, decoded.AttestationObject);
        if (!outcome.Succeeded || outcome.PublicKey is not { } publicKey)
        {
            return WebAuthnRegistrationResult.Failure(outcome.Failure, outcome.Message, outcome.Model);
        }

        if (!outcome.CredentialId.Span.SequenceEqual(decoded.CredentialId))
        {
            return WebAuthnRegistrationResult.Failure(MfaFailureReason.MalformedInput, "The credential id differs from the one in the authenticator data.");
        }

        // The client's getPublicKeyAlgorithm() must name the key's own algorithm (step 18 checked it was offered).
        if (decoded.PublicKeyAlgorithm is { } reported && reported != (long)publicKey.Algorithm)
        {
            return WebAuthnRegistrationResult.Failure(MfaFailureReason.UnsupportedAlgorithm, "The reported publicKeyAlgorithm differs from the credential's.");
        }

        // authenticatorSelection.authenticatorAttachment is a hint to the client; enforce it server-side when the client
        // reports the attachment it used (WebAuthn L3 §5.1: authenticatorAttachment), so a device-bound enrollment cannot
        // end with a roaming key and the other way round.
        if (expectation.Attachment is { } asked && decoded.Attachment is { } used && !string.Equals(asked, used, StringComparison.Ordinal))
        {
            return WebAuthnRegistrationResult.Failure(MfaFailureReason.AttachmentMismatch, "The authenticator's attachment is not the one the options asked for.");
        }

        var id = System.Buffers.Text.Base64Url.EncodeToString(decoded.CredentialId);

        // excludeCredentials, enforced server-side: a credential already registered for the user is refused (§7.1 step 25
        // for the user's own credentials; the store's unique index covers every user's).
        if (expectation.ExcludeCredentials.Contains(id, StringComparer.Ordinal))
        {
            return WebAuthnRegistrationResult.Failure(MfaFailureReason.AlreadyEnrolled, "This credential is already registered.");
        }

        var credential = new WebAuthnCredentialInfo
        {
            Id = id,
            PublicKey = publicKey.Encoded,
            Algorithm = publicKey.Algorithm,
            SignCount = outcome.SignCount,
            Aaguid = outcome.Aaguid,
            Format = outcome.Format,
            AttestationType = outcome.AttestationType,
            BackupEligible = outcome.Flags.HasFlag(AuthenticatorDataFlags.BackupEligible),
            BackupState = outcome.Flags.HasFlag(AuthenticatorDataFlags.BackupState),
            UserVerified = outcome.Flags.HasFlag(AuthenticatorDataFlags.UserVerified),
            Discoverable = decoded.Discoverable,
            Transports = decoded.Transports,
            Kind = kind,
        };
        return WebAuthnRegistrationResult.Success(credential, outcome.TrustPath, outcome.Trusted, outcome.Model);
    }
}
