using Mfa.Core.Storage;

namespace Mfa.Storage.Relational;

/// <summary>Recovery-code sets: replaced in one transaction, each code redeemed by one conditional DELETE.</summary>
/// <remarks>
/// Codes are looked up by an index on (user, hash). That lookup is not constant-time, which is harmless here: the hashes are
/// PBKDF2 outputs under a per-user salt the caller never sees, so timing reveals nothing an attacker can steer.
/// </remarks>
internal sealed class RelationalRecoveryCodeStore : IRecoveryCodeStore
{
    private readonly RelationalDatabase _database;
    private readonly string _upsertSet;
    private readonly string _deleteCodes;
    private readonly string _insertCode;
    private readonly SqlStatement _readSalt;
    private readonly string _redeem;
    private readonly SqlStatement _count;

    public RelationalRecoveryCodeStore(RelationalDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        var sets = database.Table("recovery_code_sets");
        var codes = database.Table("recovery_codes");
        _upsertSet = $"""
            INSERT INTO {sets} AS s (user_id, salt, created_at) VALUES (@user_id, @salt, @created_at)
            ON CONFLICT (user_id) DO UPDATE SET salt = excluded.salt, created_at = excluded.created_at
            """;
        _deleteCodes = $"DELETE FROM {codes} WHERE user_id = @user_id";
        _insertCode = $"INSERT INTO {codes} (user_id, hash) VALUES (@user_id, @hash) ON CONFLICT DO NOTHING";
        _readSalt = SqlStatement.Read($"SELECT salt FROM {sets} WHERE user_id = @user_id");
        _redeem = $"DELETE FROM {codes} WHERE user_id = @user_id AND hash = @hash";
        _count = SqlStatement.Read($"SELECT COUNT(*) FROM {codes} WHERE user_id = @user_id");
    }

    public async Task ReplaceAsync(string userId, ReadOnlyMemory<byte> salt, IReadOnlyList<ReadOnlyMemory<byte>> hashes, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(hashes);
        await _database.WriteTransactionAsync(
            async (connection, transaction, ct) =>
            {
                // The set row first: it locks the user's set, so two concurrent replacements run one after the other and
                // the second one's DELETE sees (and removes) the first one's codes.
                using (var upsert = _database.Command(connection, _upsertSet, transaction).With("@user_id", userId).With("@salt", salt).With("@created_at", createdAt))
                {
                    await upsert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                using (var delete = _database.Command(connection, _deleteCodes, transaction).With("@user_id", userId))
                {
                    await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                foreach (var hash in hashes)
                {
                    using var insert = _database.Command(connection, _insertCode, transaction).With("@user_id", userId).With("@hash", hash);
                    await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReadOnlyMemory<byte>?> GetSaltAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (!StorableText.IsStorable(userId))
        {
            return null;
        }

        var salt = await _database.QuerySingleAsync(_readSalt, c => c.With("@user_id", userId), r => r.GetBlob(0), cancellationToken).ConfigureAwait(false);
        return salt is null ? (ReadOnlyMemory<byte>?)null : salt;
    }

    public async Task<bool> TryRedeemAsync(string userId, ReadOnlyMemory<byte> hash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (!StorableText.IsStorable(userId))
        {
            return false;
        }

        return await _database.ExecuteAsync(_redeem, c => c.With("@user_id", userId).With("@hash", hash), cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<int> CountRemainingAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (!StorableText.IsStorable(userId))
        {
            return 0;
        }

        var rows = await _database.QueryAsync(_count, c => c.With("@user_id", userId), r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return checked((int)rows[0]);
    }
}
