using Mfa.Storage.PostgreSql;
using Mfa.Storage.Relational;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the PostgreSQL store: <c>services.AddMfa().UsePostgreSql(connectionString)</c>.</summary>
public static class PostgreSqlMfaBuilderExtensions
{
    /// <summary>
    /// Keeps all MFA state in a PostgreSQL database shared by every app server, in place of any other store. A used TOTP
    /// step, a consumed challenge or a redeemed recovery code is refused by every server. The schema is created and
    /// upgraded on start-up unless <see cref="Mfa.Storage.Relational.RelationalStoreOptions.RunMigrationsAtStartup"/> is off.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="configure">Configures <see cref="PostgreSqlStoreOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <remarks>Store faults (server unreachable, statement timeout) surface as <see cref="Npgsql.NpgsqlException"/>, a <see cref="System.Data.Common.DbException"/>.</remarks>
    public static IMfaBuilder UsePostgreSql(this IMfaBuilder builder, string connectionString, Action<PostgreSqlStoreOptions>? configure = null) =>
        RelationalStoreRegistration.AddRelationalStores(
            builder,
            connectionString,
            configure,
            new PostgreSqlStoreOptionsValidator(),
            (sp, options) => new PostgreSqlDatabase(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("Mfa.Storage.PostgreSql")));
}
