using Mfa.Core.Factors;

namespace Mfa.Core.Service;

/// <summary>The result of an out-of-band answer (<see cref="IMfaService.AnswerChallengeAsync"/>): recorded, or why not.</summary>
public sealed class MfaAnswerResult : MfaResult
{
    private MfaAnswerResult(MfaFailureReason reason, string? message, ChallengeAnswerOutcome? outcome)
        : base(reason, message) => Outcome = outcome;

    /// <summary>On success, the answer that was recorded.</summary>
    public ChallengeAnswerOutcome? Outcome { get; }

    internal static MfaAnswerResult Recorded(ChallengeAnswerOutcome outcome) => new(MfaFailureReason.None, null, outcome);

    internal static MfaAnswerResult Failure(MfaFailureReason reason, string? message = null) => new(reason, message, null);
}
