using System.Collections.Concurrent;
using System.Diagnostics;

namespace Mfa.Benchmarks.Storage;

/// <summary>
/// Wall time spent in each step of a sign-in, summed over all callers (the stores' breakdown mode): the timed decorators
/// add to it, the load runner's own total is the sign-in's latency, and what no step claims is the service's in-process work.
/// </summary>
public sealed class StepTimings
{
    /// <summary>Begin: the one read of the throttle and the candidates.</summary>
    public const string BeginRead = "begin: read throttle + candidates (1 SELECT)";

    /// <summary>Begin: the challenge INSERT.</summary>
    public const string BeginInsert = "begin: challenge INSERT (1 commit)";

    /// <summary>Complete: admit, consume and the candidates.</summary>
    public const string Admit = "complete: admit + consume + candidates (1 commit)";

    /// <summary>Complete: replay guard or counter, last use, counter resets.</summary>
    public const string WriteBack = "complete: write-back (1 commit)";

    /// <summary>The factor's begin (state, options JSON).</summary>
    public const string FactorBegin = "in process: factor begin (state, options JSON)";

    /// <summary>The factor's complete (HMAC or signature, JSON, record data).</summary>
    public const string FactorComplete = "in process: factor complete (HMAC / signature, JSON)";

    /// <summary>The benchmark's own client work (a TOTP code, a software authenticator's assertion).</summary>
    public const string Client = "benchmark client: code / assertion";

    private readonly ConcurrentDictionary<string, long> _ticks = new(StringComparer.Ordinal);

    /// <summary>The steps in the order a sign-in runs them.</summary>
    public static IReadOnlyList<string> Steps { get; } = [BeginRead, FactorBegin, BeginInsert, Client, Admit, FactorComplete, WriteBack];

    /// <summary>Runs <paramref name="step"/> and adds its wall time to <paramref name="name"/>.</summary>
    public async Task<T> TimeAsync<T>(string name, Func<Task<T>> step)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await step();
        }
        finally
        {
            Add(name, Stopwatch.GetTimestamp() - started);
        }
    }

    /// <summary>Runs <paramref name="step"/> and adds its wall time to <paramref name="name"/>.</summary>
    public async Task TimeAsync(string name, Func<Task> step)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await step();
        }
        finally
        {
            Add(name, Stopwatch.GetTimestamp() - started);
        }
    }

    /// <summary>Runs <paramref name="step"/> (synchronous) and adds its wall time to <paramref name="name"/>.</summary>
    public T Time<T>(string name, Func<T> step)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return step();
        }
        finally
        {
            Add(name, Stopwatch.GetTimestamp() - started);
        }
    }

    /// <summary>Forgets what was timed so far (after a warm-up).</summary>
    public void Reset() => _ticks.Clear();

    /// <summary>The milliseconds summed per step so far.</summary>
    public IReadOnlyDictionary<string, double> Snapshot() =>
        _ticks.ToDictionary(p => p.Key, p => p.Value * 1000.0 / Stopwatch.Frequency, StringComparer.Ordinal);

    private void Add(string name, long ticks) => _ticks.AddOrUpdate(name, ticks, (_, total) => total + ticks);
}
