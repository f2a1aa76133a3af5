namespace Mfa.Core.Storage;

/// <summary>One attempt to complete a challenge, as <see cref="ISignInStore.AdmitAndConsumeAsync"/> admits it.</summary>
/// <param name="ChallengeId">The challenge.</param>
/// <param name="UserId">The user the challenge must have been begun for.</param>
/// <param name="FactorKind">The factor it must have been begun for.</param>
/// <param name="Purpose">The purpose it must have been begun for (<see cref="MfaPurpose.Value"/>).</param>
/// <param name="Now">The current time.</param>
/// <param name="Keys">The counter keys.</param>
/// <param name="ThrottleMaxFailures">How many attempts a throttle window admits.</param>
/// <param name="ThrottleWindow">The throttle window: a counter whose window started at or before <c>now - window</c> restarts.</param>
public sealed record SignInAttempt(
    string ChallengeId,
    string UserId,
    string FactorKind,
    string Purpose,
    DateTimeOffset Now,
    SignInCounterKeys Keys,
    int ThrottleMaxFailures,
    TimeSpan ThrottleWindow);
