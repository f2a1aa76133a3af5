namespace Mfa.Push.Responses;

/// <summary>
/// A verified answer to record on the challenge (push spec §6 step 12): the caller compare-and-sets the challenge from
/// pending to <see cref="Status"/>, atomically; the first answer wins.
/// </summary>
public sealed record PushAnswer
{
    /// <summary>The challenge answered.</summary>
    public required string ChallengeId { get; init; }

    /// <summary>The device that answered (<c>answeredBy</c>'s credential).</summary>
    public required string CredentialId { get; init; }

    /// <summary>The key id that signed (<c>credentialId</c> or <c>credentialId.uv</c>).</summary>
    public required string KeyId { get; init; }

    /// <summary>What the user did.</summary>
    public required PushAnswerAction Action { get; init; }

    /// <summary>The state the challenge moves to: <see cref="PushChallengeStatus.Approved"/>, <see cref="PushChallengeStatus.Denied"/>, <see cref="PushChallengeStatus.FraudReported"/> or <see cref="PushChallengeStatus.FailedNumber"/>.</summary>
    public required PushChallengeStatus Status { get; init; }

    /// <summary>The deny reason, if any.</summary>
    public PushDenyReason Reason { get; init; }

    /// <summary>Whether the UV key signed (the approval may count as multi-factor, push spec §11).</summary>
    public bool UserVerified { get; init; }

    /// <summary>The response token's id (<c>answeredJti</c>): an identical re-send is answered idempotently.</summary>
    public required string Jti { get; init; }

    /// <summary>When the answer was verified (verifier clock).</summary>
    public required DateTimeOffset AnsweredAt { get; init; }

    /// <summary>The deadline for the login page to complete an approval (<c>finalizeBy</c>).</summary>
    public required DateTimeOffset FinalizeBy { get; init; }

    /// <summary>How long to keep <see cref="Jti"/> in the replay cache (the token's <c>exp</c> + the clock skew).</summary>
    public required DateTimeOffset ReplayKeepUntil { get; init; }

    /// <summary>Whether this answer counts as a failed attempt for throttling and anti-fatigue (push spec §6: wrong number, deny, report).</summary>
    public bool CountsAsFailure => Status is PushChallengeStatus.Denied or PushChallengeStatus.FraudReported or PushChallengeStatus.FailedNumber;
}
