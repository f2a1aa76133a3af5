using Microsoft.Extensions.Logging.Abstractions;

namespace Mfa.Storage.Sqlite;

/// <summary>Creates and upgrades the SQLite schema outside a running host (deployment scripts, <c>mfa store migrate</c>).</summary>
public static class SqliteStoreSchema
{
    /// <summary>The schema version this package needs.</summary>
    /// <value>The number of the newest embedded migration.</value>
    public static int LatestVersion
    {
        get
        {
            using var database = Create("Data Source=:memory:", configure: null);
            return database.LatestVersion;
        }
    }

    /// <summary>Applies the missing migrations, in one transaction; safe to run while servers use the database.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="configure">Configures the options (table prefix, timeout).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many migrations were applied (0 when the schema was current).</returns>
    public static async Task<int> MigrateAsync(string connectionString, Action<SqliteStoreOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        using var database = Create(connectionString, configure);
        return await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the schema version of a database.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="configure">Configures the options (table prefix, timeout).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The version, 0 for a database without the MFA tables.</returns>
    public static async Task<int> GetVersionAsync(string connectionString, Action<SqliteStoreOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        using var database = Create(connectionString, configure);
        return await database.GetSchemaVersionAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SqliteDatabase Create(string connectionString, Action<SqliteStoreOptions>? configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = new SqliteStoreOptions { ConnectionString = connectionString };
        configure?.Invoke(options);
        var validation = new SqliteStoreOptionsValidator().Validate(name: null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(configure));
        }

        return new SqliteDatabase(options, TimeProvider.System, NullLogger.Instance);
    }
}
