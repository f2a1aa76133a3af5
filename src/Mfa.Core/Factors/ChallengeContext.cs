namespace Mfa.Core.Factors;

/// <summary>What the service tells a factor about a challenge step.</summary>
/// <param name="User">The user (for a discoverable challenge, the owner of the credential that answered).</param>
/// <param name="ChallengeId">The pending challenge's id, minted by the service (a push notification or Duo <c>state</c> may carry it).</param>
/// <param name="Purpose">What the challenge is for.</param>
/// <param name="Now">The current time.</param>
/// <param name="ExpiresAt">When the challenge expires.</param>
/// <param name="Authenticators">The authenticators that may answer: the user's of this factor, not hard-locked (or the one bound).</param>
public sealed record ChallengeContext(MfaUser User, string ChallengeId, MfaPurpose Purpose, DateTimeOffset Now, DateTimeOffset ExpiresAt, IReadOnlyList<AuthenticatorRecord> Authenticators)
{
    /// <summary>
    /// Out-of-band factors only: the answer recorded for the challenge (what <see cref="IOutOfBandFactor.VerifyAnswerAsync"/>
    /// returned), or <see langword="null"/> while none has arrived.
    /// </summary>
    public ReadOnlyMemory<byte>? Answer { get; init; }

    /// <summary>When the answer was recorded.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>
    /// <see cref="ICounterFactor"/> only: the last accepted replay-guard step of each candidate that has one, by
    /// authenticator id (an HOTP token's last accepted counter). Empty for other factors.
    /// </summary>
    public IReadOnlyDictionary<string, long> LastReplaySteps { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);
}
