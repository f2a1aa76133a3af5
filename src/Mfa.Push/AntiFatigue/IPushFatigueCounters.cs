namespace Mfa.Push.AntiFatigue;

/// <summary>
/// The §8 counters for one user and sign-in client (pending and recent challenges, failures, pushes since the last
/// success, the last fraud report), read before a push challenge is sent. The push factor keeps no counters of its own
/// (it never touches a store); register an implementation to turn the anti-fatigue limits on. Without one, no limit
/// applies apart from the MFA service's own throttling.
/// </summary>
public interface IPushFatigueCounters
{
    /// <summary>Reads the counters for <paramref name="userId"/> and the sign-in client <paramref name="clientKey"/>.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="clientKey">The host's identifier of the sign-in client (<see cref="Factor.PushChallengeRequest.ClientKey"/>), if any.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The policy's input.</returns>
    ValueTask<PushFatigueInput> ReadAsync(string userId, string? clientKey, CancellationToken cancellationToken = default);
}
