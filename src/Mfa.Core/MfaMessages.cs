namespace Mfa.Core;

/// <summary>Default, secret-free messages for each failure reason.</summary>
internal static class MfaMessages
{
    public static string For(MfaFailureReason reason) => reason switch
    {
        MfaFailureReason.None => "Succeeded.",
        MfaFailureReason.InvalidCode => "The code is not valid.",
        MfaFailureReason.Replayed => "The code was already used.",
        MfaFailureReason.Expired => "The request expired; start again.",
        MfaFailureReason.ChallengeNotFound => "No such pending request.",
        MfaFailureReason.ChallengeMismatch => "The pending request was begun for something else.",
        MfaFailureReason.ChallengeAlreadyUsed => "The pending request was already used.",
        MfaFailureReason.LockedOut => "Too many failed attempts; try again later.",
        MfaFailureReason.MalformedInput => "The input is malformed.",
        MfaFailureReason.InvalidSignature => "The signature is not valid.",
        MfaFailureReason.UnknownAuthenticator => "The authenticator is not known for this user.",
        MfaFailureReason.NotEnrolled => "The user has no authenticator of this kind.",
        MfaFailureReason.FactorNotAllowed => "This factor is not allowed.",
        MfaFailureReason.PolicyViolation => "The request is outside policy.",
        MfaFailureReason.LastAuthenticator => "This is the user's last authenticator and MFA is required.",
        MfaFailureReason.ConcurrencyConflict => "The record was changed by someone else; retry.",
        MfaFailureReason.AlreadyEnrolled => "This authenticator is already enrolled.",
        MfaFailureReason.UnsupportedAlgorithm => "The algorithm is not supported.",
        MfaFailureReason.WrongType => "The client data type is wrong.",
        MfaFailureReason.WrongChallenge => "The challenge does not match.",
        MfaFailureReason.OriginNotAllowed => "The origin is not allowed.",
        MfaFailureReason.RelyingPartyMismatch => "The relying party does not match.",
        MfaFailureReason.UserPresenceRequired => "User presence is required.",
        MfaFailureReason.UserVerificationRequired => "User verification is required.",
        MfaFailureReason.CounterRollback => "The signature counter did not increase; the authenticator may be cloned.",
        MfaFailureReason.InvalidAttestation => "The attestation is not valid.",
        MfaFailureReason.UntrustedAttestation => "The attestation is not trusted.",
        MfaFailureReason.UnsupportedAttestationFormat => "The attestation format is not supported.",
        MfaFailureReason.UserHandleMismatch => "The user handle does not match the credential's owner.",
        MfaFailureReason.CredentialNotAllowed => "The credential is not allowed here.",
        MfaFailureReason.Denied => "The request was denied.",
        MfaFailureReason.Pending => "Waiting for the user.",
        MfaFailureReason.RemoteFailure => "The remote service failed.",
        MfaFailureReason.InvalidRecoveryCode => "The recovery code is not valid.",
        MfaFailureReason.CertificateInvalid => "A certificate is not valid.",
        MfaFailureReason.NotSupported => "This operation is not supported.",
        MfaFailureReason.MetadataInvalid => "The authenticator metadata did not verify.",
        MfaFailureReason.AuthenticatorStatusRefused => "This authenticator model is not accepted.",
        _ => "The step failed.",
    };
}
