namespace Mfa.Core.Factors;

/// <summary>
/// A factor whose codes are checked against a moving counter held by the replay guard (HOTP, RFC 4226): before completing
/// one of its challenges, the service reads each candidate's last accepted step into
/// <see cref="ChallengeContext.LastReplaySteps"/>. The counter then only moves through the atomic, monotonic
/// <see cref="Storage.IReplayGuardStore.TryAdvanceStepAsync"/> the result's <see cref="ChallengeCompleteResult.ReplaySteps"/> ask for.
/// </summary>
/// <remarks>A capability marker: other factors skip the extra read.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1040:Avoid empty interfaces", Justification = "A capability the service tests for; it adds no member, only the replay-guard read.")]
public interface ICounterFactor : IFactor;
