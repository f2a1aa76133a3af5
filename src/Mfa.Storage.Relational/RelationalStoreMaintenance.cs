using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mfa.Storage.Relational;

/// <summary>
/// Runs with the host: migrates (or checks) the schema when the host starts, so that a bad connection string or an old
/// schema stops start-up, then deletes expired challenges and ended counter windows every <see cref="RelationalStoreOptions.SweepInterval"/>.
/// </summary>
internal sealed partial class RelationalStoreMaintenance(
    RelationalDatabase database,
    RelationalChallengeStore challenges,
    RelationalAttemptCounterStore counters,
    ILogger<RelationalStoreMaintenance> logger) : IHostedService, IDisposable
{
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var interval = database.Options.SweepInterval;
        if (interval > TimeSpan.Zero)
        {
            _stopping = new CancellationTokenSource();
            _loop = SweepPeriodicallyAsync(interval, _stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null || _loop is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _stopping?.Dispose();

    /// <summary>Deletes what has expired at the current time.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many challenges and counters were deleted.</returns>
    public async Task<(int Challenges, int Counters)> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var now = database.Time.GetUtcNow();
        var swept = (
            await challenges.SweepExpiredAsync(now, cancellationToken).ConfigureAwait(false),
            await counters.SweepExpiredAsync(now, cancellationToken).ConfigureAwait(false));
        Log.Swept(logger, database.ProviderName, swept.Item1, swept.Item2);
        return swept;
    }

    private async Task SweepPeriodicallyAsync(TimeSpan interval, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(interval, database.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    await SweepOnceAsync(stopping).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed sweep only delays cleaning up; expired rows are never usable anyway. The next tick retries.
                    Log.SweepFailed(logger, database.ProviderName, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = RelationalEventIds.Swept, Level = LogLevel.Debug, Message = "MFA {Provider} store swept {Challenges} expired challenges and {Counters} ended counter windows")]
        public static partial void Swept(ILogger logger, string provider, int challenges, int counters);

        [LoggerMessage(EventId = RelationalEventIds.SweepFailed, Level = LogLevel.Warning, Message = "MFA {Provider} store sweep failed; retrying at the next interval")]
        public static partial void SweepFailed(ILogger logger, string provider, Exception exception);
    }
}
