using System.Data.Common;
using Mfa.Core;
using Mfa.Core.Storage;

namespace Mfa.Storage.Relational;

/// <summary>Authenticator records with a version column for optimistic concurrency and a unique (kind, credential id) index.</summary>
internal sealed class RelationalAuthenticatorStore : IAuthenticatorStore
{
    /// <summary>The columns <c>Read</c> reads, in order.</summary>
    internal const string Columns = "id, user_id, kind, name, credential_id, data, created_at, last_used_at, version, description";

    private readonly RelationalDatabase _database;
    private readonly SqlStatement _create;
    private readonly SqlStatement _findById;
    private readonly SqlStatement _findByCredential;
    private readonly SqlStatement _listByUser;
    private readonly SqlStatement _listFirst;
    private readonly SqlStatement _listAfter;
    private readonly SqlStatement _update;
    private readonly string _delete;

    public RelationalAuthenticatorStore(RelationalDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        var table = database.Table("authenticators");

        // Without a conflict target, DO NOTHING covers the primary key and the (kind, credential_id) unique index alike.
        _create = SqlStatement.Write($"""
            INSERT INTO {table} ({Columns})
            VALUES (@id, @user_id, @kind, @name, @credential_id, @data, @created_at, @last_used_at, 1, @description)
            ON CONFLICT DO NOTHING
            RETURNING {Columns}
            """);
        _findById = SqlStatement.Read($"SELECT {Columns} FROM {table} WHERE id = @id");
        _findByCredential = SqlStatement.Read($"SELECT {Columns} FROM {table} WHERE kind = @kind AND credential_id = @credential_id");
        _listByUser = SqlStatement.Read($"SELECT {Columns} FROM {table} WHERE user_id = @user_id ORDER BY created_at, id");

        // id is the primary key, in binary order on both providers (PostgreSQL: COLLATE "C"), so each page is an index range.
        _listFirst = SqlStatement.Read($"SELECT {Columns} FROM {table} ORDER BY id LIMIT @limit");
        _listAfter = SqlStatement.Read($"SELECT {Columns} FROM {table} WHERE id > @after ORDER BY id LIMIT @limit");

        // The version check and the immutable columns are part of the one UPDATE: no read-then-write window.
        _update = SqlStatement.Write($"""
            UPDATE {table}
            SET name = @name, data = @data, created_at = @created_at, last_used_at = @last_used_at, description = @description, version = version + 1
            WHERE id = @id AND version = @version AND user_id = @user_id AND kind = @kind
              AND credential_id IS NOT DISTINCT FROM @credential_id
            RETURNING {Columns}
            """);
        _delete = $"DELETE FROM {table} WHERE id = @id AND version = @version";
    }

    /// <summary>The insert <see cref="TryCreateAsync"/> runs (for the enrollment transaction).</summary>
    internal SqlStatement CreateStatement => _create;

    public Task<AuthenticatorRecord?> TryCreateAsync(AuthenticatorRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _database.QuerySingleAsync(_create, c => AddFields(c, record), Read, cancellationToken);
    }

    public Task<AuthenticatorRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!StorableText.IsStorable(id))
        {
            return Task.FromResult<AuthenticatorRecord?>(null);
        }

        return _database.QuerySingleAsync(_findById, c => c.With("@id", id), Read, cancellationToken);
    }

    public Task<AuthenticatorRecord?> FindByCredentialIdAsync(string kind, string credentialId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(credentialId);
        if (!StorableText.AreStorable(kind, credentialId))
        {
            return Task.FromResult<AuthenticatorRecord?>(null);
        }

        return _database.QuerySingleAsync(_findByCredential, c => c.With("@kind", kind).With("@credential_id", credentialId), Read, cancellationToken);
    }

    public async Task<IReadOnlyList<AuthenticatorRecord>> ListByUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (!StorableText.IsStorable(userId))
        {
            return [];
        }

        return await _database.QueryAsync(_listByUser, c => c.With("@user_id", userId), Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuthenticatorRecord>> ListPageAsync(string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        if (afterId is null)
        {
            return await _database.QueryAsync(_listFirst, c => c.With("@limit", limit), Read, cancellationToken).ConfigureAwait(false);
        }

        if (!StorableText.IsStorable(afterId))
        {
            return [];
        }

        return await _database.QueryAsync(_listAfter, c => c.With("@after", afterId).With("@limit", limit), Read, cancellationToken).ConfigureAwait(false);
    }

    public Task<AuthenticatorRecord?> TryUpdateAsync(AuthenticatorRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!StorableText.AreStorable(record.Id, record.UserId, record.Kind, record.CredentialId))
        {
            return Task.FromResult<AuthenticatorRecord?>(null);
        }

        return _database.QuerySingleAsync(_update, c => AddFields(c, record).With("@version", record.Version), Read, cancellationToken);
    }

    public async Task<bool> TryDeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!StorableText.IsStorable(id))
        {
            return false;
        }

        return await _database.ExecuteAsync(_delete, c => c.With("@id", id).With("@version", expectedVersion), cancellationToken).ConfigureAwait(false) == 1;
    }

    internal static DbCommand AddFields(DbCommand command, AuthenticatorRecord record) => command
        .With("@id", record.Id)
        .With("@user_id", record.UserId)
        .With("@kind", record.Kind)
        .With("@name", record.Name)
        .With("@credential_id", record.CredentialId)
        .With("@data", record.Data)
        .With("@created_at", record.CreatedAt)
        .With("@last_used_at", record.LastUsedAt)
        .With("@description", record.Description);

    private static AuthenticatorRecord Read(DbDataReader reader) => Read(reader, 0);

    /// <summary>Reads the <see cref="Columns"/> of a record starting at column <paramref name="first"/>.</summary>
    internal static AuthenticatorRecord Read(DbDataReader reader, int first) => new()
    {
        Id = reader.GetString(first),
        UserId = reader.GetString(first + 1),
        Kind = reader.GetString(first + 2),
        Name = reader.GetString(first + 3),
        CredentialId = reader.GetNullableString(first + 4),
        Data = reader.GetString(first + 5),
        CreatedAt = reader.GetTime(first + 6),
        LastUsedAt = reader.GetNullableTime(first + 7),
        Version = reader.GetInt64(first + 8),
        Description = reader.GetNullableString(first + 9),
    };
}
