using Mfa.Storage.PostgreSql;
using Mfa.Storage.Sqlite;

namespace Mfa.Cli.Store;

/// <summary>One store named on the command line.</summary>
internal sealed record StoreTarget(string Provider, string Connection, string? Prefix, string? Schema)
{
    public int LatestVersion => Provider == "sqlite" ? SqliteStoreSchema.LatestVersion : PostgreSqlStoreSchema.LatestVersion;

    public Task<int> MigrateAsync() => Provider == "sqlite"
        ? SqliteStoreSchema.MigrateAsync(Connection, ConfigureSqlite)
        : PostgreSqlStoreSchema.MigrateAsync(Connection, ConfigurePostgreSql);

    public Task<int> GetVersionAsync() => Provider == "sqlite"
        ? SqliteStoreSchema.GetVersionAsync(Connection, ConfigureSqlite)
        : PostgreSqlStoreSchema.GetVersionAsync(Connection, ConfigurePostgreSql);

    public void ConfigureSqlite(SqliteStoreOptions options) => options.TablePrefix = Prefix ?? options.TablePrefix;

    public void ConfigurePostgreSql(PostgreSqlStoreOptions options)
    {
        options.TablePrefix = Prefix ?? options.TablePrefix;
        options.Schema = Schema ?? options.Schema;
    }
}
