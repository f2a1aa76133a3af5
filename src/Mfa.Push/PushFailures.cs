using Mfa.Core;

namespace Mfa.Push;

/// <summary>Maps the protocol's error codes to Core's stable failure reasons.</summary>
internal static class PushFailures
{
    public static MfaFailureReason ToReason(PushProtocolError error) => error switch
    {
        PushProtocolError.None => MfaFailureReason.None,
        PushProtocolError.UnsupportedAlg => MfaFailureReason.UnsupportedAlgorithm,
        PushProtocolError.WrongTyp => MfaFailureReason.WrongType,
        PushProtocolError.UnknownChallenge => MfaFailureReason.ChallengeNotFound,
        PushProtocolError.UnknownCredential => MfaFailureReason.UnknownAuthenticator,
        PushProtocolError.InvalidSignature => MfaFailureReason.InvalidSignature,
        PushProtocolError.ClaimMismatch or PushProtocolError.ProofMismatch => MfaFailureReason.ChallengeMismatch,
        PushProtocolError.NonceMismatch or PushProtocolError.ChallengeHashMismatch => MfaFailureReason.WrongChallenge,
        PushProtocolError.StaleResponse => MfaFailureReason.ClockSkew,
        PushProtocolError.Replay => MfaFailureReason.Replayed,
        PushProtocolError.ChallengeExpired => MfaFailureReason.Expired,
        PushProtocolError.UvRequired => MfaFailureReason.UserVerificationRequired,
        PushProtocolError.NumberMismatch => MfaFailureReason.NumberMismatch,
        PushProtocolError.AlreadyAnswered => MfaFailureReason.ChallengeAlreadyUsed,
        PushProtocolError.EnrollmentInvalid => MfaFailureReason.InvalidCode,
        PushProtocolError.DeviceLimit => MfaFailureReason.PolicyViolation,
        _ => MfaFailureReason.MalformedInput,
    };
}
