namespace Mfa.Push.Challenges;

/// <summary>
/// The verifier's record of one push challenge (push spec §4.2) as issued; the factor keeps it with the challenge and
/// passes it back to verify answers. The answer itself (<see cref="Responses.PushAnswer"/>) is recorded next to it, atomically.
/// </summary>
/// <remarks>Holds the display number: keep it server side; never send it to the device in <see cref="PushNumberMatching.Enter"/> mode.</remarks>
public sealed record PushChallengeState
{
    /// <summary>The challenge id (<c>cid</c>).</summary>
    public required string ChallengeId { get; init; }

    /// <summary>The challenge nonce (32 random octets, base64url).</summary>
    public required string Nonce { get; init; }

    /// <summary>The number-matching mode used (<see cref="PushNumberMatching.Risk"/> resolved to enter or off).</summary>
    public required PushNumberMatching NumberMatching { get; init; }

    /// <summary>The number the login page shows; <see langword="null"/> when number matching is off.</summary>
    public string? DisplayNumber { get; init; }

    /// <summary>What is being approved.</summary>
    public PushTransactionType Transaction { get; init; }

    /// <summary>The devices the challenge went to, each with its token.</summary>
    public required IReadOnlyList<PushChallengeTarget> Targets { get; init; }

    /// <summary>When the challenge was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the answer window closes (verifier clock).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The host's identifier of the sign-in client it was begun for (anti-fatigue counters), if any.</summary>
    public string? ClientKey { get; init; }

    /// <summary>The target for <paramref name="credentialId"/>, if the challenge was sent to it.</summary>
    /// <param name="credentialId">The device's credential id.</param>
    /// <returns>The target, or <see langword="null"/>.</returns>
    public PushChallengeTarget? FindTarget(string credentialId) => Targets.FirstOrDefault(t => t.CredentialId == credentialId);

    /// <inheritdoc />
    public override string ToString() => $"PushChallengeState {{ ChallengeId = {ChallengeId}, ExpiresAt = {ExpiresAt:O} }}";
}
