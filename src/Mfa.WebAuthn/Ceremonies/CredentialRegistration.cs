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

        var credential = new WebAuthnCredentialInfo
        {
            Id = System.Buffers.Text.Base64Url.EncodeToString(decoded.CredentialId),
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
