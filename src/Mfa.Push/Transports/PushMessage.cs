namespace Mfa.Push.Transports;

/// <summary>One notification. It carries ids only: the sign-in context is fetched by the device over an authenticated call.</summary>
/// <param name="ChallengeId">The challenge id (the spec's <c>cid</c>).</param>
/// <param name="CredentialId">The device credential the challenge was sent to.</param>
/// <param name="TimeToLive">How long the push service may hold it (the challenge's remaining answer window).</param>
public sealed record PushMessage(string ChallengeId, string CredentialId, TimeSpan TimeToLive);
