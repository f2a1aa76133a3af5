using Mfa.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Maintenance;

/// <summary>
/// Purges expired pending challenges and enrollments every <see cref="MfaOptions.SweepInterval"/> (a timer on the
/// <see cref="TimeProvider"/>), so user-less passkey begins — bounded per client by the rate limiter — cannot pile up
/// until a row count matters. Registered by <c>AddMfa</c>; <see cref="TimeSpan.Zero"/> turns it off. Logs event 1114 (swept,
/// Debug) and 1115 (a sweep failed, Warning) under its own category.
/// </summary>
internal sealed partial class MfaMaintenanceService(IChallengeStore challenges, IOptions<MfaOptions> options, TimeProvider time, ILogger<MfaMaintenanceService> logger)
    : IHostedService, IDisposable
{
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.SweepInterval;
        if (interval > TimeSpan.Zero)
        {
            _stopping = new CancellationTokenSource();
            _loop = SweepPeriodicallyAsync(interval, _stopping.Token);
        }

        return Task.CompletedTask;
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

    /// <summary>Purges what has expired now.</summary>
    /// <param name="cancellationToken">Cancels the sweep.</param>
    /// <returns>How many pending challenges and enrollments were deleted.</returns>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var swept = await challenges.SweepExpiredAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Log.Swept(logger, swept);
        return swept;
    }

    private async Task SweepPeriodicallyAsync(TimeSpan interval, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    await SweepOnceAsync(stopping).ConfigureAwait(false);
                }
                catch (MfaStoreException exception)
                {
                    // The next tick tries again; a store that is down is not the sweeper's to report twice.
                    Log.SweepFailed(logger, exception.InnerException?.GetType().Name ?? nameof(MfaStoreException));
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1114, Level = LogLevel.Debug, Message = "Swept {Count} expired pending challenges and enrollments")]
        public static partial void Swept(ILogger logger, int count);

        [LoggerMessage(EventId = 1115, Level = LogLevel.Warning, Message = "Sweeping expired pending challenges failed ({Fault}); the next interval retries")]
        public static partial void SweepFailed(ILogger logger, string fault);
    }
}
