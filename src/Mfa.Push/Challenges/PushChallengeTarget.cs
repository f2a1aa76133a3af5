namespace Mfa.Push.Challenges;

/// <summary>One device a challenge was sent to, with the challenge token issued to it exactly as issued (push spec §4.2 <c>tokens</c>).</summary>
public sealed record PushChallengeTarget
{
    /// <summary>The device's credential id (the token's <c>aud</c>).</summary>
    public required string CredentialId { get; init; }

    /// <summary>The user handle the device knows the user by (the token's <c>sub</c>).</summary>
    public required string UserHandle { get; init; }

    /// <summary>The signed challenge token (JWS) for this device, as issued: served on fetch and pull, and hashed into the answer's <c>chal</c>.</summary>
    public required string Token { get; init; }

    /// <summary>The <c>uv</c> policy in this device's token.</summary>
    public required PushUserVerification UserVerification { get; init; }
}
