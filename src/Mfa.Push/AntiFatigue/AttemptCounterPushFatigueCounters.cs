using System.Security.Cryptography;
using System.Text;
using Mfa.Core.Storage;
using Mfa.Push.Responses;
using Microsoft.Extensions.Options;

namespace Mfa.Push.AntiFatigue;

/// <summary>
/// <see cref="IPushFatigueCounters"/> over Core's <see cref="IAttemptCounterStore"/>: each §8 quantity is one atomic,
/// windowed counter, so a durable store shares them across app servers. The store's windows are fixed (they start at
/// the first count), so "recent" means "in the current window": a limit frees up when that window ends, never later.
/// A "last time" (a client's previous end, the last failure, the last fraud report) is a counter reset and counted
/// again, so its window start is that time.
/// </summary>
internal sealed class AttemptCounterPushFatigueCounters(IAttemptCounterStore counters, IOptions<PushOptions> options, TimeProvider time) : IPushFatigueCounters
{
    private const string Prefix = "push-fatigue:";
    private static readonly TimeSpan s_noWindow = TimeSpan.MaxValue;

    private PushOptions Options => options.Value;

    public async ValueTask<PushFatigueInput> ReadAsync(string userId, string? clientKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var now = time.GetUtcNow();
        var pending = await GetAsync(Key("pending", userId, clientKey), cancellationToken).ConfigureAwait(false);
        var ended = await GetAsync(Key("ended", userId, clientKey), cancellationToken).ConfigureAwait(false);
        var shortWindow = await GetAsync(Key("short", userId), cancellationToken).ConfigureAwait(false);
        var longWindow = await GetAsync(Key("long", userId), cancellationToken).ConfigureAwait(false);
        var sinceSuccess = await GetAsync(Key("since-success", userId), cancellationToken).ConfigureAwait(false);
        var failures = await GetAsync(Key("failures", userId), cancellationToken).ConfigureAwait(false);
        var lastFailure = await GetAsync(Key("last-failure", userId), cancellationToken).ConfigureAwait(false);
        var fraud = await GetAsync(Key("fraud", userId), cancellationToken).ConfigureAwait(false);

        return new PushFatigueInput
        {
            // A challenge nobody answered stops being pending when its answer window ends.
            PendingForClient = Current(pending, Options.AnswerWindow, now) ? pending.Count : 0,
            PreviousEndedAt = ended.Count > 0 ? ended.WindowStart : null,
            RecentChallenges = RecentChallenges(shortWindow, longWindow, now),
            PushesSinceLastSuccess = sinceSuccess.Count,
            RecentFailures = failures.Count > 0 && lastFailure.WindowStart is { } last
                ? [.. Enumerable.Repeat(failures.WindowStart ?? last, failures.Count - 1), last]
                : [],
            FraudReportedAt = fraud.Count > 0 ? fraud.WindowStart : null,
        };
    }

    public async ValueTask RecordChallengeAsync(string userId, string? clientKey, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        await counters.IncrementAsync(Key("pending", userId, clientKey), now, Options.AnswerWindow, cancellationToken).ConfigureAwait(false);
        await counters.IncrementAsync(Key("short", userId), now, Options.ShortWindow, cancellationToken).ConfigureAwait(false);
        await counters.IncrementAsync(Key("long", userId), now, Options.LongWindow, cancellationToken).ConfigureAwait(false);
        await counters.IncrementAsync(Key("since-success", userId), now, window: null, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RecordAnswerAsync(string userId, string? clientKey, PushChallengeStatus status, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        await counters.ResetAsync(Key("pending", userId, clientKey), cancellationToken).ConfigureAwait(false);
        if (status == PushChallengeStatus.Approved)
        {
            // Push spec §8: after an approval the next challenge for the client may come at once.
            await counters.ResetAsync(Key("ended", userId, clientKey), cancellationToken).ConfigureAwait(false);
            return;
        }

        await RestartAsync(Key("ended", userId, clientKey), now, Options.ClientCooldown, cancellationToken).ConfigureAwait(false);
        if (status is PushChallengeStatus.Denied or PushChallengeStatus.FailedNumber or PushChallengeStatus.FraudReported)
        {
            await counters.IncrementAsync(Key("failures", userId), now, Options.FailureWindow, cancellationToken).ConfigureAwait(false);
            await RestartAsync(Key("last-failure", userId), now, s_noWindow, cancellationToken).ConfigureAwait(false);
        }

        if (status == PushChallengeStatus.FraudReported)
        {
            await RestartAsync(Key("fraud", userId), now, s_noWindow, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask RecordSuccessAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        await counters.ResetAsync(Key("since-success", userId), cancellationToken).ConfigureAwait(false);
    }

    private async Task<AttemptCounter> GetAsync(string key, CancellationToken cancellationToken) =>
        await counters.GetAsync(key, cancellationToken).ConfigureAwait(false);

    /// <summary>Makes the counter's window start <paramref name="now"/>: the time of the latest event.</summary>
    private async Task RestartAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        await counters.ResetAsync(key, cancellationToken).ConfigureAwait(false);
        await counters.IncrementAsync(key, now, window == s_noWindow ? null : window, cancellationToken).ConfigureAwait(false);
    }

    private static bool Current(AttemptCounter counter, TimeSpan window, DateTimeOffset now) =>
        counter.Count > 0 && counter.WindowStart is { } start && start + window > now;

    /// <summary>
    /// The two windows' counts as times for the policy's one list: the short window's at its start, the rest of the long
    /// window's at the long window's start (each challenge once; the long window holds the short one's).
    /// </summary>
    private List<DateTimeOffset> RecentChallenges(AttemptCounter shortWindow, AttemptCounter longWindow, DateTimeOffset now)
    {
        var inShort = Current(shortWindow, Options.ShortWindow, now) ? shortWindow.Count : 0;
        var inLong = Current(longWindow, Options.LongWindow, now) ? longWindow.Count : 0;
        var times = new List<DateTimeOffset>(Math.Max(inShort, inLong));
        times.AddRange(Enumerable.Repeat(shortWindow.WindowStart.GetValueOrDefault(), inShort));
        times.AddRange(Enumerable.Repeat(longWindow.WindowStart.GetValueOrDefault(), Math.Max(0, inLong - inShort)));
        return times;
    }

    /// <summary>
    /// <c>push-fatigue:{name}:{client}:{user}</c>: the client key is the host's text, so it is hashed to a fixed length;
    /// the user id comes last, so no user id can make one key look like another's.
    /// </summary>
    private static string Key(string name, string userId, string? clientKey = null)
    {
        var client = clientKey is null ? "-" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientKey)).AsSpan(0, 16));
        return string.Concat(Prefix, name, ":", client, ":", userId);
    }
}
