using System.Data.Common;
using Mfa.Core.Policy;
using Mfa.Core.Storage;

namespace Mfa.Storage.Relational;

/// <summary>Per-user settings; the first-seen time is written once by an insert that never overwrites.</summary>
internal sealed class RelationalUserSettingsStore : IUserSettingsStore, IMfaUserDirectory
{
    private readonly RelationalDatabase _database;
    private readonly SqlStatement _read;
    private readonly string _insertIfAbsent;
    private readonly string _setRequirement;
    private readonly SqlStatement _listFirst;
    private readonly SqlStatement _listAfter;

    public RelationalUserSettingsStore(RelationalDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        var table = database.Table("user_settings");
        _read = SqlStatement.Read($"SELECT user_id, requirement, first_seen_at FROM {table} WHERE user_id = @user_id");
        _insertIfAbsent = $"INSERT INTO {table} (user_id, requirement, first_seen_at) VALUES (@user_id, NULL, @now) ON CONFLICT (user_id) DO NOTHING";
        _setRequirement = $"""
            INSERT INTO {table} AS s (user_id, requirement, first_seen_at) VALUES (@user_id, @requirement, @now)
            ON CONFLICT (user_id) DO UPDATE SET requirement = excluded.requirement
            """;

        // Binary order on both providers (SQLite's default BINARY collation; "C" on PostgreSQL), so paging by the last id is stable.
        var collate = string.Equals(database.ProviderName, "postgresql", StringComparison.Ordinal) ? " COLLATE \"C\"" : string.Empty;
        _listFirst = SqlStatement.Read($"SELECT user_id FROM {table} ORDER BY user_id{collate} LIMIT @limit");
        _listAfter = SqlStatement.Read($"SELECT user_id FROM {table} WHERE user_id{collate} > @after ORDER BY user_id{collate} LIMIT @limit");
    }

    public Task<IReadOnlyList<string>> ListUserIdsAsync(string? afterUserId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        return ListAsync(afterUserId, limit, cancellationToken);
    }

    public async Task<MfaUserSettings> GetOrCreateAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);

        // Most calls find the row; only a new user costs a write. The insert never overwrites, so whichever racing caller
        // inserts first sets the first-seen time everyone then reads.
        var settings = await _database.QuerySingleAsync(_read, c => c.With("@user_id", userId), Read, cancellationToken).ConfigureAwait(false);
        if (settings is not null)
        {
            return settings;
        }

        await _database.ExecuteAsync(_insertIfAbsent, c => c.With("@user_id", userId).With("@now", now), cancellationToken).ConfigureAwait(false);
        return await _database.QuerySingleAsync(_read, c => c.With("@user_id", userId), Read, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The user settings row vanished right after it was written.");
    }

    public Task SetRequirementAsync(string userId, MfaRequirement? requirement, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return _database.ExecuteAsync(_setRequirement, c => c.With("@user_id", userId).With("@requirement", (int?)requirement).With("@now", now), cancellationToken);
    }

    private async Task<IReadOnlyList<string>> ListAsync(string? afterUserId, int limit, CancellationToken cancellationToken) =>
        afterUserId is null
            ? await _database.QueryAsync(_listFirst, c => c.With("@limit", limit), static r => r.GetString(0), cancellationToken).ConfigureAwait(false)
            : await _database.QueryAsync(_listAfter, c => c.With("@after", afterUserId).With("@limit", limit), static r => r.GetString(0), cancellationToken).ConfigureAwait(false);

    private static MfaUserSettings Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.IsDBNull(1) ? null : (MfaRequirement)reader.GetInt32(1),
        reader.GetTime(2));
}
