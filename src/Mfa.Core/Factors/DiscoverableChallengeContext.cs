namespace Mfa.Core.Factors;

/// <summary>What the service tells a factor when beginning a challenge before the user is known.</summary>
/// <param name="ChallengeId">The pending challenge's id, minted by the service.</param>
/// <param name="Purpose">What the challenge is for.</param>
/// <param name="Now">The current time.</param>
/// <param name="ExpiresAt">When the challenge expires.</param>
public sealed record DiscoverableChallengeContext(string ChallengeId, MfaPurpose Purpose, DateTimeOffset Now, DateTimeOffset ExpiresAt);
