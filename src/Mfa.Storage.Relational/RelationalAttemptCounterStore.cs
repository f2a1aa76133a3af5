using Mfa.Core.Storage;

namespace Mfa.Storage.Relational;

/// <summary>Failure counters incremented by one upsert that also restarts an ended window, so no increment is lost.</summary>
internal sealed class RelationalAttemptCounterStore : IAttemptCounterStore
{
    private readonly RelationalDatabase _database;
    private readonly SqlStatement _increment;
    private readonly SqlStatement _read;
    private readonly string _reset;
    private readonly string _sweep;

    public RelationalAttemptCounterStore(RelationalDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        var table = database.Table("attempt_counters");

        // A window that started at or before now - window restarts at 1 from now; without a window the count only grows.
        // expires_at (start + window) lets the sweeper delete ended windows; it is NULL for counters only a reset clears.
        _increment = SqlStatement.Write($"""
            INSERT INTO {table} AS c (counter_key, failures, window_start, expires_at)
            VALUES (@key, 1, @now, @now + @window_ms)
            ON CONFLICT (counter_key) DO UPDATE SET
              failures = CASE WHEN @window_ms IS NOT NULL AND c.window_start <= @now - @window_ms THEN 1 ELSE c.failures + 1 END,
              window_start = CASE WHEN @window_ms IS NOT NULL AND c.window_start <= @now - @window_ms THEN @now ELSE c.window_start END,
              expires_at = CASE WHEN @window_ms IS NULL THEN NULL
                                WHEN c.window_start <= @now - @window_ms THEN @now + @window_ms
                                ELSE c.window_start + @window_ms END
            RETURNING failures, window_start
            """);
        _read = SqlStatement.Read($"SELECT failures, window_start FROM {table} WHERE counter_key = @key");
        _reset = $"DELETE FROM {table} WHERE counter_key = @key";
        _sweep = $"DELETE FROM {table} WHERE expires_at <= @now";
    }

    public async Task<AttemptCounter> IncrementAsync(string key, DateTimeOffset now, TimeSpan? window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var windowMs = window is { } w ? (long?)w.Ticks / TimeSpan.TicksPerMillisecond : null;
        var rows = await _database.QueryAsync(
            _increment,
            c => c.With("@key", key).With("@now", now).With("@window_ms", windowMs),
            r => new AttemptCounter(r.GetInt32(0), r.GetTime(1)),
            cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    public async Task<AttemptCounter> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!StorableText.IsStorable(key))
        {
            return default;
        }

        var rows = await _database.QueryAsync(_read, c => c.With("@key", key), r => new AttemptCounter(r.GetInt32(0), r.GetTime(1)), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? default : rows[0];
    }

    public Task ResetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!StorableText.IsStorable(key))
        {
            return Task.CompletedTask;
        }

        return _database.ExecuteAsync(_reset, c => c.With("@key", key), cancellationToken);
    }

    /// <summary>Deletes counters whose window ended at or before <paramref name="now"/> (they would restart anyway).</summary>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many were deleted.</returns>
    public Task<int> SweepExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _database.ExecuteAsync(_sweep, c => c.With("@now", now), cancellationToken);
}
