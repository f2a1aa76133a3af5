using Mfa.Push.Challenges;

namespace Mfa.Push.Responses;

/// <summary>The challenge state machine of push spec §4.2, evaluated lazily on every read (expiry needs no writer).</summary>
public static class PushCompletion
{
    /// <summary>The challenge's state at <paramref name="now"/>, from its issue record and its recorded answer.</summary>
    /// <param name="challenge">The challenge as issued.</param>
    /// <param name="answer">The answer recorded on it, if any.</param>
    /// <param name="now">The verifier's time.</param>
    /// <returns>Pending, expired, or the answer's outcome; an approval past its finalize deadline is expired.</returns>
    public static PushCompletionResult Evaluate(PushChallengeState challenge, PushAnswer? answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (answer is null)
        {
            return PushCompletionResult.Of(now > challenge.ExpiresAt ? PushChallengeStatus.Expired : PushChallengeStatus.Pending, null);
        }

        // APPROVED --now > finalizeBy--> EXPIRED; the other answers are terminal as recorded.
        return answer.Status == PushChallengeStatus.Approved && now > answer.FinalizeBy
            ? PushCompletionResult.Of(PushChallengeStatus.Expired, answer)
            : PushCompletionResult.Of(answer.Status, answer);
    }
}
