namespace Mfa.Core.Storage;

/// <summary>
/// The reads and writes of one sign-in, batched so that a challenge costs the database about what two single-statement
/// commits cost: one read when it begins, one round trip that admits the attempt and consumes the challenge, and one
/// that applies a verified outcome.
/// </summary>
/// <remarks>
/// Each operation keeps the guarantees of the single-purpose stores it batches (<see cref="IAttemptCounterStore"/>,
/// <see cref="IChallengeStore"/>, <see cref="IReplayGuardStore"/>, <see cref="IAuthenticatorStore"/>): a challenge is
/// consumed at most once, the replay guard only moves forward, attempt counts stay exact under races, and a fault leaves
/// no partial write. Counters are those of <see cref="IAttemptCounterStore"/>, named by the keys the caller passes.
/// When a store package does not provide one, the service composes these operations from the single-purpose stores.
/// </remarks>
public interface ISignInStore
{
    /// <summary>Reads the user's throttle counter and the user's authenticators of one factor with their consecutive failures.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="factorKind">The factor.</param>
    /// <param name="keys">The counter keys.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The counter and the authenticators, oldest first.</returns>
    Task<SignInCandidates> ReadCandidatesAsync(string userId, string factorKind, SignInCounterKeys keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically admits one attempt (counts it on the user's throttle counter unless the user is throttled, and then
    /// counts nothing) and, only when admitted, consumes the challenge if it exists, is not consumed, has not expired and
    /// was begun for this user, factor and purpose; returns the outcome, with the user's authenticators of the factor when it consumed.
    /// </summary>
    /// <param name="attempt">The attempt.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The admission. Of racing attempts on one challenge exactly one consumes it.</returns>
    Task<SignInAdmission> AdmitAndConsumeAsync(SignInAttempt attempt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a verified outcome at once: advances the replay guard to the earliest of <see cref="SignInSuccess.ReplaySteps"/>
    /// later than the last accepted step (when there are steps), writes the authenticator's new data guarded by its version
    /// (or only its last use), and clears the counters named in <see cref="SignInSuccess.CountersToReset"/>.
    /// </summary>
    /// <param name="success">The outcome.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see cref="SignInWriteBack.Applied"/>; <see cref="SignInWriteBack.Replayed"/> when no step is later than the last
    /// accepted one (nothing is written); <see cref="SignInWriteBack.Conflict"/> when the new data lost to a concurrent
    /// change of the record (the counters are not cleared).
    /// </returns>
    Task<SignInWriteBack> ApplySuccessAsync(SignInSuccess success, CancellationToken cancellationToken = default);
}
