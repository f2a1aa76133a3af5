using Mfa.Core.Storage;

namespace Mfa.Storage.Relational;

/// <summary>The last accepted TOTP time step per authenticator, advanced by one conditional upsert (RFC 6238 §5.2).</summary>
internal sealed class RelationalReplayGuardStore : IReplayGuardStore
{
    private readonly RelationalDatabase _database;
    private readonly SqlStatement _advance;
    private readonly SqlStatement _read;

    public RelationalReplayGuardStore(RelationalDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        var table = database.Table("replay_guards");

        // Insert the first step, or move the stored one forward only if the new one is greater; RETURNING yields a row
        // only when the statement inserted or updated, so "no row" is the replay. One statement, so exactly one of
        // several callers presenting the same step wins.
        _advance = SqlStatement.Write($"""
            INSERT INTO {table} AS g (authenticator_id, last_step) VALUES (@authenticator_id, @step)
            ON CONFLICT (authenticator_id) DO UPDATE SET last_step = excluded.last_step
            WHERE g.last_step < excluded.last_step
            RETURNING last_step
            """);
        _read = SqlStatement.Read($"SELECT last_step FROM {table} WHERE authenticator_id = @authenticator_id");
    }

    /// <summary>The forward-only advance <see cref="TryAdvanceStepAsync"/> runs (for the enrollment transaction).</summary>
    internal SqlStatement AdvanceStatement => _advance;

    public async Task<bool> TryAdvanceStepAsync(string authenticatorId, long timeStep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authenticatorId);
        var rows = await _database.QueryAsync(_advance, c => c.With("@authenticator_id", authenticatorId).With("@step", timeStep), r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return rows.Count == 1;
    }

    public async Task<long?> GetLastStepAsync(string authenticatorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authenticatorId);
        if (!StorableText.IsStorable(authenticatorId))
        {
            return null;
        }

        var rows = await _database.QueryAsync(_read, c => c.With("@authenticator_id", authenticatorId), r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }
}
