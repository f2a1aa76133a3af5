using Mfa.Storage.Relational;
using Mfa.Storage.Sqlite;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the SQLite store: <c>services.AddMfa().UseSqlite("Data Source=mfa.db")</c>.</summary>
public static class SqliteMfaBuilderExtensions
{
    /// <summary>
    /// Keeps all MFA state (authenticators, pending challenges, replay guards, counters, recovery codes, settings) in one
    /// SQLite file, in place of any other store. The schema is created and upgraded on start-up unless
    /// <see cref="Mfa.Storage.Relational.RelationalStoreOptions.RunMigrationsAtStartup"/> is off.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">The connection string, for example <c>Data Source=/var/lib/app/mfa.db</c>.</param>
    /// <param name="configure">Configures <see cref="SqliteStoreOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <remarks>Store faults (file unreadable, lock wait over the timeout) surface as <see cref="System.Data.Common.DbException"/>.</remarks>
    public static IMfaBuilder UseSqlite(this IMfaBuilder builder, string connectionString, Action<SqliteStoreOptions>? configure = null) =>
        RelationalStoreRegistration.AddRelationalStores(
            builder,
            connectionString,
            configure,
            new SqliteStoreOptionsValidator(),
            (sp, options) => new SqliteDatabase(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("Mfa.Storage.Sqlite")));
}
