namespace Mfa.Core.Storage;

/// <summary>What a sign-in reads before it begins: the user's throttle counter and authenticators.</summary>
/// <param name="UserCounter">The user's throttle counter.</param>
/// <param name="Authenticators">The user's authenticators of the factor with their consecutive failures, oldest first.</param>
public sealed record SignInCandidates(AttemptCounter UserCounter, IReadOnlyList<SignInCandidate> Authenticators);
