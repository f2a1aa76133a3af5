namespace Mfa.Core.Storage;

/// <summary>Ceremony state kept between a begin and a complete step; expires and is consumed at most once.</summary>
public sealed record PendingChallenge
{
    /// <summary>The challenge id (random, 128 bits, base64url).</summary>
    public required string Id { get; init; }

    /// <summary>What the challenge is bound to.</summary>
    public required ChallengeBinding Binding { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it stops being usable.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The factor's opaque state.</summary>
    public required ReadOnlyMemory<byte> State { get; init; }

    /// <summary>Whether it was consumed (set by stores when reading back).</summary>
    public bool Consumed { get; init; }

    /// <summary>Out-of-band challenges: the recorded answer (set at most once, by <see cref="IChallengeStore.TryAnswerAsync"/>).</summary>
    public ReadOnlyMemory<byte>? Answer { get; init; }

    /// <summary>When the answer was recorded.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>The life-cycle state at <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>Consumed, expired, answered or begun.</returns>
    public PendingChallengeState StateAt(DateTimeOffset now) =>
        Consumed ? PendingChallengeState.Consumed
        : ExpiresAt <= now ? PendingChallengeState.Expired
        : Answer is not null ? PendingChallengeState.Answered
        : PendingChallengeState.Begun;

    /// <inheritdoc />
    public override string ToString() => $"PendingChallenge {{ Id = {Id}, Binding = {Binding}, ExpiresAt = {ExpiresAt:O}, Consumed = {Consumed}, Answered = {Answer is not null} }}";
}
