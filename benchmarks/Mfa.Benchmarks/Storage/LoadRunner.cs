using System.Collections.Concurrent;
using System.Diagnostics;

namespace Mfa.Benchmarks.Storage;

/// <summary>Runs callers in a closed loop for a while and measures every operation; a failed operation is counted by reason, never thrown.</summary>
public static class LoadRunner
{
    /// <summary>Warms up for one second, then measures <paramref name="duration"/>.</summary>
    /// <param name="callers">How many callers run at once.</param>
    /// <param name="duration">How long to measure.</param>
    /// <param name="operation">One operation of caller <c>i</c>: <see langword="null"/> on success, else the failure reason.</param>
    /// <param name="counters">Reads (commands, commits) so far, or <see langword="null"/> when not counted.</param>
    /// <param name="measuring">Runs between the warm-up and the measured run (resets what a caller accumulates).</param>
    public static async Task<LoadResult> MeasureAsync(int callers, TimeSpan duration, Func<int, Task<string?>> operation, Func<(long Commands, long Commits)>? counters = null, Action? measuring = null)
    {
        await RunAsync(callers, TimeSpan.FromSeconds(1), operation, latencies: null, failures: null);
        measuring?.Invoke();
        var latencies = Enumerable.Range(0, callers).Select(_ => new List<double>()).ToArray();
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var before = counters?.Invoke();
        var clock = Stopwatch.StartNew();
        await RunAsync(callers, duration, operation, latencies, failures);
        var elapsed = clock.Elapsed;
        var after = counters?.Invoke();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double? PerOp(long delta) => all.Length == 0 ? null : (double)delta / all.Length;
        return new LoadResult(
            all.Length,
            all.Length / elapsed.TotalSeconds,
            all.Length == 0 ? double.NaN : all.Average(),
            Percentile(all, 0.50),
            Percentile(all, 0.99),
            before is { } b && after is { } a ? PerOp(a.Commands - b.Commands) : null,
            before is { } b2 && after is { } a2 ? PerOp(a2.Commits - b2.Commits) : null,
            failures);
    }

    private static Task RunAsync(int callers, TimeSpan duration, Func<int, Task<string?>> operation, List<double>[]? latencies, ConcurrentDictionary<string, int>? failures)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                var started = Stopwatch.GetTimestamp();
                string? failure;
                try
                {
                    failure = await operation(i);
                }
#pragma warning disable CA1031 // A load test reports every outcome, a store fault included, instead of dying on it.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failure = "exception " + ex.GetType().Name;
                }

                latencies?[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (failure is not null)
                {
                    failures?.AddOrUpdate(failure, 1, (_, n) => n + 1);
                }
            }
        })));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
