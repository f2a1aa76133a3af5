using Mfa.Storage.Relational;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mfa.Storage.PostgreSql;

/// <summary>Creates and upgrades the PostgreSQL schema outside a running host (deployment scripts, <c>mfa store migrate</c>).</summary>
public static class PostgreSqlStoreSchema
{
    /// <summary>The schema version this package needs.</summary>
    /// <value>The number of the newest embedded migration.</value>
    public static int LatestVersion => PostgreSqlDatabase.LatestMigration;

    /// <summary>Applies the missing migrations in one transaction; safe to run while servers use the database, and from several at once.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="configure">Configures the options (table prefix, timeout).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many migrations were applied (0 when the schema was current).</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static Task<int> MigrateAsync(string connectionString, Action<PostgreSqlStoreOptions>? configure = null, CancellationToken cancellationToken = default) =>
        RunAsync(connectionString, configure, static (database, ct) => database.MigrateAsync(ct), cancellationToken);

    /// <summary>Reads the schema version of a database.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="configure">Configures the options (table prefix, timeout).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The version, 0 for a database without the MFA tables.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static Task<int> GetVersionAsync(string connectionString, Action<PostgreSqlStoreOptions>? configure = null, CancellationToken cancellationToken = default) =>
        RunAsync(connectionString, configure, static (database, ct) => database.GetSchemaVersionAsync(ct), cancellationToken);

    private static Task<int> RunAsync(string connectionString, Action<PostgreSqlStoreOptions>? configure, Func<RelationalDatabase, CancellationToken, Task<int>> operation, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return RelationalSchema.RunAsync(
            new PostgreSqlStoreOptions { ConnectionString = connectionString },
            configure,
            new PostgreSqlStoreOptionsValidator(),
            options => new PostgreSqlDatabase(options, TimeProvider.System, NullLogger.Instance),
            operation,
            cancellationToken);
    }
}
