using Mfa.Core;

namespace Mfa.Duo.Http;

/// <summary>How Duo failures map onto the SDK's stable reasons and onto the failmode.</summary>
public static class DuoFailures
{
    /// <summary>Whether the failure means "Duo unavailable" (unreachable, timeout, 5xx, 429): the only failures the failmode may turn into a pass.</summary>
    /// <param name="failure">The failure.</param>
    /// <returns><see langword="true"/> for transport failures.</returns>
    public static bool IsUnavailable(DuoFailureKind failure) =>
        failure is DuoFailureKind.Unreachable or DuoFailureKind.Timeout or DuoFailureKind.ServerError or DuoFailureKind.RateLimited;

    /// <summary>The stable reason for a failure.</summary>
    /// <param name="failure">The failure.</param>
    /// <returns>The reason (<see cref="MfaFailureReason.None"/> for none).</returns>
    public static MfaFailureReason ToReason(DuoFailureKind failure) => failure switch
    {
        DuoFailureKind.None => MfaFailureReason.None,
        DuoFailureKind.NotAllowed => MfaFailureReason.FactorNotAllowed,
        DuoFailureKind.InvalidIdToken => MfaFailureReason.InvalidSignature,
        _ when IsUnavailable(failure) => MfaFailureReason.DuoUnavailable,
        _ => MfaFailureReason.RemoteFailure,
    };
}
