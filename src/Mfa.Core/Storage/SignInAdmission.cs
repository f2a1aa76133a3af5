namespace Mfa.Core.Storage;

/// <summary>The outcome of <see cref="ISignInStore.AdmitAndConsumeAsync"/>.</summary>
/// <param name="Admitted">Whether the attempt was admitted (and counted).</param>
/// <param name="UserCounter">The user's throttle counter: after the increment when admitted, else the one that throttles.</param>
/// <param name="Consumed">The challenge this attempt consumed, or <see langword="null"/>.</param>
/// <param name="Current">When nothing was consumed: the challenge as stored (to tell why), or <see langword="null"/> when there is none.</param>
/// <param name="Authenticators">When a challenge was consumed: the user's authenticators of the factor with their consecutive failures, oldest first; otherwise empty.</param>
public sealed record SignInAdmission(bool Admitted, AttemptCounter UserCounter, PendingChallenge? Consumed, PendingChallenge? Current, IReadOnlyList<SignInCandidate> Authenticators);
