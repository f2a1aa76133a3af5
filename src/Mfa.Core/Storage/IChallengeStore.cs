namespace Mfa.Core.Storage;

/// <summary>Pending challenges: created once, expiring, consumed at most once, atomically, even across app servers.</summary>
public interface IChallengeStore
{
    /// <summary>Stores a new pending challenge.</summary>
    /// <param name="challenge">The challenge.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task CreateAsync(PendingChallenge challenge, CancellationToken cancellationToken = default);

    /// <summary>Reads a challenge without consuming it (consumed ones included, until swept).</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The challenge, or <see langword="null"/>.</returns>
    Task<PendingChallenge?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically marks the challenge consumed if it exists, is not consumed, has not expired at <paramref name="now"/>
    /// and its binding equals <paramref name="binding"/>; otherwise changes nothing.
    /// </summary>
    /// <param name="id">The id.</param>
    /// <param name="binding">The binding it must have.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The consumed challenge, or <see langword="null"/> when nothing was consumed. Exactly one concurrent caller wins.</returns>
    Task<PendingChallenge?> TryConsumeAsync(string id, ChallengeBinding binding, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically records <paramref name="answer"/> as the challenge's answer if it exists, is of factor
    /// <paramref name="factorKind"/>, has no answer, is not consumed and has not expired at <paramref name="now"/>;
    /// otherwise changes nothing. Relational stores do this in one conditional statement.
    /// </summary>
    /// <param name="id">The id.</param>
    /// <param name="factorKind">The factor the challenge must belong to.</param>
    /// <param name="answer">The answer to record.</param>
    /// <param name="now">The current time (recorded as the answer time).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The answered challenge, or <see langword="null"/> when nothing was recorded. Exactly one concurrent caller wins.</returns>
    Task<PendingChallenge?> TryAnswerAsync(string id, string factorKind, ReadOnlyMemory<byte> answer, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the challenges of <paramref name="userId"/> and <paramref name="factorKind"/> still waiting for an answer at
    /// <paramref name="now"/> (begun: no answer, not consumed, not expired), bound to <paramref name="authenticatorId"/>
    /// or to any of the user's authenticators of the factor; oldest first, at most <paramref name="limit"/>. Out-of-band
    /// devices pull them when a notification was lost (push spec §4.7). Nothing is changed.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="factorKind">The factor.</param>
    /// <param name="authenticatorId">The authenticator asking: challenges bound to it or to none in particular.</param>
    /// <param name="now">The current time.</param>
    /// <param name="limit">The most to return (1 or more).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The pending challenges, possibly none.</returns>
    Task<IReadOnlyList<PendingChallenge>> FindPendingAsync(string userId, string factorKind, string authenticatorId, DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Deletes challenges that expired before <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many were deleted.</returns>
    Task<int> SweepExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
