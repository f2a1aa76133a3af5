using System.Data.Common;
using Mfa.Core.Storage;

namespace Mfa.Storage.Relational;

/// <summary>
/// A sign-in's reads and writes batched per step. Where the database runs data-modifying common table expressions
/// (PostgreSQL), each step is one statement, one round trip and one commit: the conditions between its writes ("consume
/// only if the attempt was admitted", "write only if the guard advanced") are part of the statement. Elsewhere (SQLite,
/// in process) each step is one write transaction that holds the write lock from its start, with the same conditions
/// checked between its statements: one commit either way.
/// </summary>
internal sealed class RelationalSignInStore : ISignInStore
{
    private const int AuthenticatorColumns = 10;
    private const int ChallengeColumns = 11;

    private readonly RelationalDatabase _database;
    private readonly string _candidates;
    private readonly string _admitAndConsume;
    private readonly string _applySuccess;
    private readonly string _readCounter;
    private readonly string _increment;
    private readonly string _consume;
    private readonly string _find;
    private readonly string _readStep;
    private readonly string _writeStep;
    private readonly string _writeData;
    private readonly string _writeLastUse;
    private readonly string _resetCounter;

    public RelationalSignInStore(RelationalDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        var counters = database.Table("attempt_counters");
        var challenges = database.Table("challenges");
        var authenticators = database.Table("authenticators");
        var guards = database.Table("replay_guards");

        // The user's counter row is always there (LEFT JOIN from one row); the authenticators follow, each with its counter.
        _candidates = $"""
            SELECT u.failures, u.window_start, {Prefixed("a", RelationalAuthenticatorStore.Columns)}, COALESCE(c.failures, 0)
            FROM (SELECT 1 AS one) AS o
            LEFT JOIN {counters} AS u ON u.counter_key = @user_key
            LEFT JOIN {authenticators} AS a ON a.user_id = @user_id AND a.kind = @factor_kind
            LEFT JOIN {counters} AS c ON c.counter_key = @authenticator_prefix || a.id
            ORDER BY a.created_at, a.id
            """;

        // The throttle in the upsert's WHERE: a throttled user's row is left as it is and nothing is returned, so a refused
        // attempt is not counted; the row lock serializes racing attempts, and each re-checks the count the last one left.
        const string Increment = """
            INSERT INTO {0} AS c (counter_key, failures, window_start, expires_at)
            VALUES (@user_key, 1, @now, @now + @window_ms)
            ON CONFLICT (counter_key) DO UPDATE SET
              failures = CASE WHEN c.window_start <= @now - @window_ms THEN 1 ELSE c.failures + 1 END,
              window_start = CASE WHEN c.window_start <= @now - @window_ms THEN @now ELSE c.window_start END,
              expires_at = CASE WHEN c.window_start <= @now - @window_ms THEN @now + @window_ms ELSE c.window_start + @window_ms END
            WHERE c.failures < @max OR c.window_start <= @now - @window_ms
            RETURNING failures, window_start
            """;
        const string Consume = """
            UPDATE {0} SET consumed = TRUE
            WHERE id = @id AND consumed = FALSE AND expires_at > @now
              AND user_id = @user_id AND factor_kind = @factor_kind AND purpose = @purpose{1}
            RETURNING {2}
            """;
        _increment = string.Format(System.Globalization.CultureInfo.InvariantCulture, Increment, counters);
        _consume = string.Format(System.Globalization.CultureInfo.InvariantCulture, Consume, challenges, string.Empty, RelationalChallengeStore.Columns);

        // PostgreSQL: admit, consume only if admitted, and report both with the counter and challenge as they were (to
        // tell a throttle's end and why nothing was consumed); then the candidates, in the same round trip and transaction.
        _admitAndConsume = $"""
            WITH admit AS (
            {_increment}
            ), consumed AS (
            {string.Format(System.Globalization.CultureInfo.InvariantCulture, Consume, challenges, " AND EXISTS (SELECT 1 FROM admit)", RelationalChallengeStore.Columns)}
            )
            SELECT ad.failures, ad.window_start, u.failures, u.window_start, {Prefixed("k", RelationalChallengeStore.Columns)}, {Prefixed("cur", RelationalChallengeStore.Columns)}
            FROM (SELECT 1 AS one) AS o
            LEFT JOIN admit AS ad ON TRUE
            LEFT JOIN {counters} AS u ON u.counter_key = @user_key
            LEFT JOIN consumed AS k ON TRUE
            LEFT JOIN {challenges} AS cur ON cur.id = @id;
            {_candidates}
            """;

        // PostgreSQL: the guard moves to the earliest matched step later than the last accepted one (RFC 6238 §5.2; the
        // row lock makes racing callers with one code re-check, so exactly one passes); only then is the record written
        // (its new data guarded by its version) and, only when that held, the counters cleared. One statement, one commit.
        _applySuccess = $"""
            WITH guard AS (
              INSERT INTO {guards} AS g (authenticator_id, last_step)
              SELECT @authenticator_id, MIN(t.s) FROM unnest(@steps) AS t(s) HAVING COUNT(*) > 0
              ON CONFLICT (authenticator_id) DO UPDATE
                SET last_step = (SELECT MIN(t.s) FROM unnest(@steps) AS t(s) WHERE t.s > g.last_step)
                WHERE EXISTS (SELECT 1 FROM unnest(@steps) AS t(s) WHERE t.s > g.last_step)
              RETURNING last_step
            ), passed AS (
              SELECT 1 AS ok WHERE cardinality(@steps) = 0 OR EXISTS (SELECT 1 FROM guard)
            ), written AS (
              UPDATE {authenticators} SET data = COALESCE(@data, data), last_used_at = @now, version = version + 1
              WHERE id = @authenticator_id AND EXISTS (SELECT 1 FROM passed) AND (@data IS NULL OR version = @version)
              RETURNING version
            ), reset AS (
              DELETE FROM {counters}
              WHERE counter_key = ANY(@reset_keys) AND EXISTS (SELECT 1 FROM passed) AND (@data IS NULL OR EXISTS (SELECT 1 FROM written))
            )
            SELECT (SELECT COUNT(*) FROM passed), (SELECT COUNT(*) FROM written)
            """;

        // SQLite: the same steps as single statements inside one write transaction.
        _readCounter = $"SELECT failures, window_start FROM {counters} WHERE counter_key = @user_key";
        _find = $"SELECT {RelationalChallengeStore.Columns} FROM {challenges} WHERE id = @id";
        _readStep = $"SELECT last_step FROM {guards} WHERE authenticator_id = @authenticator_id";
        _writeStep = $"""
            INSERT INTO {guards} AS g (authenticator_id, last_step) VALUES (@authenticator_id, @step)
            ON CONFLICT (authenticator_id) DO UPDATE SET last_step = excluded.last_step WHERE g.last_step < excluded.last_step
            """;
        _writeData = $"UPDATE {authenticators} SET data = @data, last_used_at = @now, version = version + 1 WHERE id = @authenticator_id AND version = @version";
        _writeLastUse = $"UPDATE {authenticators} SET last_used_at = @now, version = version + 1 WHERE id = @authenticator_id";
        _resetCounter = $"DELETE FROM {counters} WHERE counter_key = @key";
    }

    public async Task<SignInCandidates> ReadCandidatesAsync(string userId, string factorKind, SignInCounterKeys keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(factorKind);
        ArgumentNullException.ThrowIfNull(keys);
        if (!StorableText.AreStorable(userId, factorKind, keys.User, keys.AuthenticatorPrefix))
        {
            return new SignInCandidates(default, []);
        }

        return await _database.ReadAsync(
            async (connection, ct) =>
            {
                using var command = BindCandidates(_database.Command(connection, _candidates), userId, factorKind, keys);
                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await ReadCandidatesAsync(reader, ct).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<SignInAdmission> AdmitAndConsumeAsync(SignInAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (!StorableText.AreStorable(attempt.ChallengeId, attempt.UserId, attempt.FactorKind, attempt.Purpose, attempt.Keys.User, attempt.Keys.AuthenticatorPrefix))
        {
            // Nothing stored can match; the attempt is still counted, as for any unknown challenge.
            return AdmitOnlyAsync(attempt, cancellationToken);
        }

        return _database.RunsDataModifyingCtes
            ? _database.AutocommitAsync((connection, ct) => AdmitAndConsumeInOneStatementAsync(connection, attempt, ct), cancellationToken)
            : _database.WriteTransactionAsync((connection, transaction, ct) => AdmitAndConsumeInTransactionAsync(connection, transaction, attempt, ct), cancellationToken);
    }

    public Task<SignInWriteBack> ApplySuccessAsync(SignInSuccess success, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(success);
        var record = success.Authenticator;
        if (!StorableText.AreStorable(record.Id) || !StorableText.AreStorable([.. success.CountersToReset]))
        {
            return Task.FromResult(SignInWriteBack.Conflict);
        }

        return _database.RunsDataModifyingCtes
            ? _database.AutocommitAsync((connection, ct) => ApplyInOneStatementAsync(connection, success, ct), cancellationToken)
            : _database.WriteTransactionAsync((connection, transaction, ct) => ApplyInTransactionAsync(connection, transaction, success, ct), cancellationToken);
    }

    private async Task<SignInAdmission> AdmitOnlyAsync(SignInAttempt attempt, CancellationToken cancellationToken)
    {
        if (!StorableText.AreStorable(attempt.Keys.User))
        {
            return new SignInAdmission(true, default, null, null, []);
        }

        return await _database.WriteTransactionAsync(
            async (connection, transaction, ct) =>
            {
                var (admitted, counter) = await AdmitAsync(connection, transaction, attempt, ct).ConfigureAwait(false);
                return new SignInAdmission(admitted, counter, null, null, []);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<SignInAdmission> AdmitAndConsumeInOneStatementAsync(DbConnection connection, SignInAttempt attempt, CancellationToken cancellationToken)
    {
        using var command = BindCandidates(BindAttempt(_database.Command(connection, _admitAndConsume), attempt), attempt.UserId, attempt.FactorKind, attempt.Keys);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var admitted = !reader.IsDBNull(0);
            var counter = admitted ? ReadCounter(reader, 0) : ReadCounter(reader, 2);
            const int ConsumedAt = 4;
            const int CurrentAt = ConsumedAt + ChallengeColumns;
            var consumed = reader.IsDBNull(ConsumedAt) ? null : RelationalChallengeStore.Read(reader, ConsumedAt);
            var current = reader.IsDBNull(CurrentAt) ? null : RelationalChallengeStore.Read(reader, CurrentAt);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            var candidates = await ReadCandidatesAsync(reader, cancellationToken).ConfigureAwait(false);
            return consumed is null
                ? new SignInAdmission(admitted, counter, null, current, [])
                : new SignInAdmission(true, counter, consumed, null, candidates.Authenticators);
        }
    }

    private async Task<SignInAdmission> AdmitAndConsumeInTransactionAsync(DbConnection connection, DbTransaction? transaction, SignInAttempt attempt, CancellationToken cancellationToken)
    {
        var (admitted, counter) = await AdmitAsync(connection, transaction, attempt, cancellationToken).ConfigureAwait(false);
        if (!admitted)
        {
            return new SignInAdmission(false, counter, null, null, []);
        }

        PendingChallenge? consumed;
        using (var consume = BindAttempt(_database.Command(connection, _consume, transaction), attempt))
        {
            consumed = await ReadChallengeAsync(consume, cancellationToken).ConfigureAwait(false);
        }

        if (consumed is null)
        {
            using var find = _database.Command(connection, _find, transaction).With("@id", attempt.ChallengeId);
            return new SignInAdmission(true, counter, null, await ReadChallengeAsync(find, cancellationToken).ConfigureAwait(false), []);
        }

        using var candidates = BindCandidates(_database.Command(connection, _candidates, transaction), attempt.UserId, attempt.FactorKind, attempt.Keys);
        var reader = await candidates.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return new SignInAdmission(true, counter, consumed, null, (await ReadCandidatesAsync(reader, cancellationToken).ConfigureAwait(false)).Authenticators);
        }
    }

    /// <summary>Counts the attempt unless the user is throttled (then nothing is counted); one statement.</summary>
    private async Task<(bool Admitted, AttemptCounter Counter)> AdmitAsync(DbConnection connection, DbTransaction? transaction, SignInAttempt attempt, CancellationToken cancellationToken)
    {
        using (var increment = BindCounter(_database.Command(connection, _increment, transaction), attempt))
        {
            var reader = await increment.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return (true, ReadCounter(reader, 0));
                }
            }
        }

        using var read = _database.Command(connection, _readCounter, transaction).With("@user_key", attempt.Keys.User);
        var current = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (current.ConfigureAwait(false))
        {
            return (false, await current.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadCounter(current, 0) : default);
        }
    }

    private async Task<SignInWriteBack> ApplyInOneStatementAsync(DbConnection connection, SignInSuccess success, CancellationToken cancellationToken)
    {
        var record = success.Authenticator;
        using var command = _database.Command(connection, _applySuccess)
            .With("@authenticator_id", record.Id)
            .WithArray("@steps", [.. success.ReplaySteps])
            .With("@data", success.UpdatedData)
            .With("@version", record.Version)
            .With("@now", success.Now)
            .WithArray("@reset_keys", [.. success.CountersToReset]);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (reader.GetInt64(0) == 0)
            {
                return SignInWriteBack.Replayed;
            }

            return success.UpdatedData is not null && reader.GetInt64(1) == 0 ? SignInWriteBack.Conflict : SignInWriteBack.Applied;
        }
    }

    private async Task<SignInWriteBack> ApplyInTransactionAsync(DbConnection connection, DbTransaction? transaction, SignInSuccess success, CancellationToken cancellationToken)
    {
        // Under the write lock: decide first, then write, so that a refused outcome writes nothing.
        var record = success.Authenticator;
        long? step = null;
        if (success.ReplaySteps.Count > 0)
        {
            using var read = _database.Command(connection, _readStep, transaction).With("@authenticator_id", record.Id);
            var last = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value and not DBNull
                ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
                : (long?)null;
            step = success.ReplaySteps.Where(s => last is null || s > last).DefaultIfEmpty(long.MinValue).Min();
            if (step == long.MinValue)
            {
                return SignInWriteBack.Replayed;
            }
        }

        using (var write = _database.Command(connection, success.UpdatedData is null ? _writeLastUse : _writeData, transaction)
            .With("@authenticator_id", record.Id)
            .With("@now", success.Now))
        {
            if (success.UpdatedData is not null)
            {
                write.With("@data", success.UpdatedData).With("@version", record.Version);
            }

            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0 && success.UpdatedData is not null)
            {
                return SignInWriteBack.Conflict;
            }
        }

        if (step is { } accepted)
        {
            using var advance = _database.Command(connection, _writeStep, transaction).With("@authenticator_id", record.Id).With("@step", accepted);
            await advance.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var key in success.CountersToReset)
        {
            using var reset = _database.Command(connection, _resetCounter, transaction).With("@key", key);
            await reset.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return SignInWriteBack.Applied;
    }

    private static DbCommand BindAttempt(DbCommand command, SignInAttempt attempt) => BindCounter(command, attempt)
        .With("@id", attempt.ChallengeId)
        .With("@user_id", attempt.UserId)
        .With("@factor_kind", attempt.FactorKind)
        .With("@purpose", attempt.Purpose);

    private static DbCommand BindCounter(DbCommand command, SignInAttempt attempt) => command
        .With("@now", attempt.Now)
        .With("@user_key", attempt.Keys.User)
        .With("@max", attempt.ThrottleMaxFailures)
        .With("@window_ms", attempt.ThrottleWindow.Ticks / TimeSpan.TicksPerMillisecond);

    private static DbCommand BindCandidates(DbCommand command, string userId, string factorKind, SignInCounterKeys keys)
    {
        // The attempt binds these too when both statements share one command.
        if (!command.Parameters.Contains("@user_id"))
        {
            command.With("@user_id", userId).With("@factor_kind", factorKind).With("@user_key", keys.User);
        }

        return command.With("@authenticator_prefix", keys.AuthenticatorPrefix);
    }

    private static async Task<SignInCandidates> ReadCandidatesAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        AttemptCounter user = default;
        var authenticators = new List<SignInCandidate>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            user = ReadCounter(reader, 0);
            if (!reader.IsDBNull(2))
            {
                authenticators.Add(new SignInCandidate(RelationalAuthenticatorStore.Read(reader, 2), reader.GetInt32(2 + AuthenticatorColumns)));
            }
        }

        return new SignInCandidates(user, authenticators);
    }

    private static async Task<PendingChallenge?> ReadChallengeAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? RelationalChallengeStore.Read(reader, 0) : null;
        }
    }

    private static AttemptCounter ReadCounter(DbDataReader reader, int first) =>
        reader.IsDBNull(first) ? default : new AttemptCounter(reader.GetInt32(first), reader.GetTime(first + 1));

    private static string Prefixed(string alias, string columns) =>
        string.Join(", ", columns.Split(", ").Select(c => alias + "." + c));
}
