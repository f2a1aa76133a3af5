using System.Data.Common;
using Mfa.Core.Storage;

namespace Mfa.Storage.Relational;

/// <summary>Pending challenges, consumed by one conditional UPDATE so that exactly one caller on any server wins.</summary>
internal sealed class RelationalChallengeStore : IChallengeStore
{
    /// <summary>The columns <c>Read</c> reads, in order.</summary>
    internal const string Columns = "id, user_id, factor_kind, authenticator_id, purpose, created_at, expires_at, state, consumed, answer, answered_at";
    private const string InsertColumns = "id, user_id, factor_kind, authenticator_id, purpose, created_at, expires_at, state, consumed";

    private readonly RelationalDatabase _database;
    private readonly string _create;
    private readonly bool _durableCreate;
    private readonly SqlStatement _find;
    private readonly SqlStatement _consume;
    private readonly SqlStatement _answer;
    private readonly SqlStatement _pending;
    private readonly string _sweep;

    public RelationalChallengeStore(RelationalDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        var table = database.Table("challenges");

        // DO NOTHING instead of an overwrite: re-creating an id must never reset a consumed challenge. Unless the begin is
        // to be durable, the INSERT commits without waiting for its flush (the source sets that for its own transaction):
        // a later flushed commit (the consume) carries it to disk, and a challenge lost before that fails closed.
        _durableCreate = database.Options.DurableChallengeBegin;
        var source = _durableCreate ? string.Empty : database.UnflushedCommitSource;
        _create = $"""
            INSERT INTO {table} ({InsertColumns})
            SELECT @id, @user_id, @factor_kind, @authenticator_id, @purpose, @created_at, @expires_at, @state, FALSE {source}
            WHERE TRUE
            ON CONFLICT (id) DO NOTHING
            """;
        _find = SqlStatement.Read($"SELECT {Columns} FROM {table} WHERE id = @id");

        // Check and set in one statement: the row lock (PostgreSQL) or the write lock (SQLite) serializes racing
        // consumers, and each re-checks "consumed = FALSE" after the winner committed. A refused consume changes nothing.
        _consume = SqlStatement.Write($"""
            UPDATE {table} SET consumed = TRUE
            WHERE id = @id AND consumed = FALSE AND expires_at > @now
              AND user_id = @user_id AND factor_kind = @factor_kind AND purpose = @purpose
              AND authenticator_id IS NOT DISTINCT FROM @authenticator_id
            RETURNING {Columns}
            """);

        // Record an answer in one conditional statement: of racing answers exactly one finds "answer IS NULL".
        _answer = SqlStatement.Write($"""
            UPDATE {table} SET answer = @answer, answered_at = @now
            WHERE id = @id AND factor_kind = @factor_kind AND answer IS NULL AND consumed = FALSE AND expires_at > @now
            RETURNING {Columns}
            """);

        // Begun challenges only (no answer, not consumed, not expired): what a device may still answer.
        _pending = SqlStatement.Read($"""
            SELECT {Columns} FROM {table}
            WHERE user_id = @user_id AND factor_kind = @factor_kind AND answer IS NULL AND consumed = FALSE AND expires_at > @now
              AND (authenticator_id IS NULL OR authenticator_id = @authenticator_id)
            ORDER BY created_at, id
            LIMIT @limit
            """);
        _sweep = $"DELETE FROM {table} WHERE expires_at <= @now";
    }

    /// <summary>The conditional consume <see cref="TryConsumeAsync"/> runs (for the enrollment transaction).</summary>
    internal SqlStatement ConsumeStatement => _consume;

    public async Task CreateAsync(PendingChallenge challenge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var binding = challenge.Binding;
        void Bind(DbCommand c) => AddBinding(c.With("@id", challenge.Id), binding)
            .With("@created_at", challenge.CreatedAt)
            .With("@expires_at", challenge.ExpiresAt)
            .With("@state", challenge.State);
        var inserted = _durableCreate
            ? await _database.ExecuteAsync(_create, Bind, cancellationToken).ConfigureAwait(false)
            : await _database.ExecuteUnflushedAsync(_create, Bind, cancellationToken).ConfigureAwait(false);
        if (inserted != 1)
        {
            throw new InvalidOperationException("A challenge with this id already exists.");
        }
    }

    public Task<PendingChallenge?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!StorableText.IsStorable(id))
        {
            return Task.FromResult<PendingChallenge?>(null);
        }

        return _database.QuerySingleAsync(_find, c => c.With("@id", id), Read, cancellationToken);
    }

    public Task<PendingChallenge?> TryConsumeAsync(string id, ChallengeBinding binding, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(binding);
        if (!StorableText.AreStorable(id, binding.UserId, binding.FactorKind, binding.AuthenticatorId, binding.Purpose))
        {
            return Task.FromResult<PendingChallenge?>(null);
        }

        return _database.QuerySingleAsync(_consume, c => AddBinding(c.With("@id", id), binding).With("@now", now), Read, cancellationToken);
    }

    public Task<PendingChallenge?> TryAnswerAsync(string id, string factorKind, ReadOnlyMemory<byte> answer, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(factorKind);
        if (!StorableText.AreStorable(id, factorKind))
        {
            return Task.FromResult<PendingChallenge?>(null);
        }

        return _database.QuerySingleAsync(_answer, c => c.With("@id", id).With("@factor_kind", factorKind).With("@answer", answer).With("@now", now), Read, cancellationToken);
    }

    public Task<IReadOnlyList<PendingChallenge>> FindPendingAsync(string userId, string factorKind, string authenticatorId, DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(factorKind);
        ArgumentNullException.ThrowIfNull(authenticatorId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (!StorableText.AreStorable(userId, factorKind, authenticatorId))
        {
            return Task.FromResult<IReadOnlyList<PendingChallenge>>([]);
        }

        return ReadPendingAsync(
            _pending,
            c => c.With("@user_id", userId).With("@factor_kind", factorKind).With("@authenticator_id", authenticatorId).With("@now", now).With("@limit", limit),
            cancellationToken);
    }

    private async Task<IReadOnlyList<PendingChallenge>> ReadPendingAsync(SqlStatement statement, Action<DbCommand> bind, CancellationToken cancellationToken) =>
        await _database.QueryAsync(statement, bind, Read, cancellationToken).ConfigureAwait(false);

    public Task<int> SweepExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _database.ExecuteAsync(_sweep, c => c.With("@now", now), cancellationToken);

    internal static DbCommand AddBinding(DbCommand command, ChallengeBinding binding) => command
        .With("@user_id", binding.UserId)
        .With("@factor_kind", binding.FactorKind)
        .With("@authenticator_id", binding.AuthenticatorId)
        .With("@purpose", binding.Purpose);

    private static PendingChallenge Read(DbDataReader reader) => Read(reader, 0);

    /// <summary>Reads the <see cref="Columns"/> of a challenge starting at column <paramref name="first"/>.</summary>
    internal static PendingChallenge Read(DbDataReader reader, int first) => new()
    {
        Id = reader.GetString(first),
        Binding = new ChallengeBinding(reader.GetString(first + 1), reader.GetString(first + 2), reader.GetNullableString(first + 3), reader.GetString(first + 4)),
        CreatedAt = reader.GetTime(first + 5),
        ExpiresAt = reader.GetTime(first + 6),
        State = reader.GetBlob(first + 7),
        Consumed = reader.GetBoolean(first + 8),
        Answer = reader.IsDBNull(first + 9) ? default(ReadOnlyMemory<byte>?) : reader.GetBlob(first + 9),
        AnsweredAt = reader.GetNullableTime(first + 10),
    };
}
