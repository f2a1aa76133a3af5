using Mfa.Push.Responses;

namespace Mfa.Push.AntiFatigue;

/// <summary>
/// The §8 counters for one user and sign-in client (pending and recent challenges, failures, pushes since the last
/// success, the last fraud report): read before a push challenge is sent, written when one is sent, answered and
/// completed. <c>AddPush</c> registers an implementation over Core's <see cref="Core.Storage.IAttemptCounterStore"/>
/// (durable with the SQLite or PostgreSQL store, so every app server sees the same counts); register another to replace it.
/// </summary>
public interface IPushFatigueCounters
{
    /// <summary>Reads the counters for <paramref name="userId"/> and the sign-in client <paramref name="clientKey"/>.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="clientKey">The host's identifier of the sign-in client (<see cref="Factor.PushChallengeRequest.ClientKey"/>), if any.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The policy's input.</returns>
    ValueTask<PushFatigueInput> ReadAsync(string userId, string? clientKey, CancellationToken cancellationToken = default);

    /// <summary>Counts a push challenge that was just sent (pending for the client, recent, since the last success).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="clientKey">The sign-in client, if any.</param>
    /// <param name="now">The verifier's time.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    ValueTask RecordChallengeAsync(string userId, string? clientKey, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the device's answer: the challenge is no longer pending; a deny, wrong number or fraud report counts as a
    /// failure (cool-down), a fraud report blocks push (<see cref="PushOptions.FraudBlock"/>), an approval ends the client's cool-down.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="clientKey">The sign-in client, if any.</param>
    /// <param name="status">The recorded answer.</param>
    /// <param name="now">The verifier's time.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    ValueTask RecordAnswerAsync(string userId, string? clientKey, PushChallengeStatus status, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records a completed push sign-in: the count of pushes since the last success starts again.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    ValueTask RecordSuccessAsync(string userId, CancellationToken cancellationToken = default);
}
