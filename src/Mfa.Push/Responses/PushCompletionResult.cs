using System.Diagnostics.CodeAnalysis;
using Mfa.Core;

namespace Mfa.Push.Responses;

/// <summary>
/// What the login page learns about a challenge (push spec §6.1, §9): still pending, or its terminal outcome. Succeeded
/// only for an approval still within its finalize window; the caller consumes it once (approved → consumed).
/// </summary>
public sealed class PushCompletionResult : MfaResult
{
    private PushCompletionResult(MfaFailureReason reason, PushChallengeStatus status)
        : base(reason, null, pending: status == PushChallengeStatus.Pending)
    {
        Status = status;
    }

    /// <summary>Whether the challenge was approved and may be completed now.</summary>
    [MemberNotNullWhen(true, nameof(CredentialId))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The challenge's state at this time.</summary>
    public PushChallengeStatus Status { get; }

    /// <summary>The device that answered, if any.</summary>
    public string? CredentialId { get; private init; }

    /// <summary>Whether the approval was signed by the UV key (may count as multi-factor, push spec §11).</summary>
    public bool UserVerified { get; private init; }

    internal static PushCompletionResult Of(PushChallengeStatus status, PushAnswer? answer)
    {
        var reason = status switch
        {
            PushChallengeStatus.Approved => MfaFailureReason.None,
            PushChallengeStatus.Pending => MfaFailureReason.None,
            PushChallengeStatus.Denied => MfaFailureReason.Denied,
            PushChallengeStatus.FraudReported => MfaFailureReason.FraudReported,
            PushChallengeStatus.FailedNumber => MfaFailureReason.NumberMismatch,
            PushChallengeStatus.Consumed => MfaFailureReason.ChallengeAlreadyUsed,
            _ => MfaFailureReason.Expired,
        };
        return new PushCompletionResult(reason, status) { CredentialId = answer?.CredentialId, UserVerified = answer?.UserVerified ?? false };
    }
}
