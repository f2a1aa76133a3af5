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

    /// <inheritdoc />
    public override string ToString() => $"PendingChallenge {{ Id = {Id}, Binding = {Binding}, ExpiresAt = {ExpiresAt:O}, Consumed = {Consumed} }}";
}
