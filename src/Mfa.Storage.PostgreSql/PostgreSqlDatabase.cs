using System.Data.Common;
using Mfa.Storage.Relational;
using Mfa.Storage.Relational.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mfa.Storage.PostgreSql;

/// <summary>A PostgreSQL database reached through one <see cref="NpgsqlDataSource"/> (one connection pool per instance).</summary>
internal sealed class PostgreSqlDatabase : RelationalDatabase
{
    private static readonly IReadOnlyList<Migration> s_migrations = Migration.LoadEmbedded(typeof(PostgreSqlDatabase).Assembly);

    private readonly IReadOnlyList<Migration> _migrations;
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _migrationConnectionString;
    private readonly string _schema;

    /// <summary>How many statements a connection keeps prepared: more than the stores run (about 40), so none is evicted.</summary>
    private const int MaxPreparedStatements = 64;

    public PostgreSqlDatabase(PostgreSqlStoreOptions options, TimeProvider time, ILogger logger)
        : this(options, time, logger, s_migrations)
    {
    }

    /// <summary>Opens the database with other migrations than the embedded ones (tests of upgrades and failed migrations).</summary>
    internal PostgreSqlDatabase(PostgreSqlStoreOptions options, TimeProvider time, ILogger logger, IReadOnlyList<Migration> migrations)
        : base(options, time, logger)
    {
        _migrations = migrations;
        _schema = options.Schema;
        // The stores keep no session state, so a connection going back to the pool needs no DISCARD ALL: that also keeps
        // them correct and cheap behind PgBouncer in transaction mode, where a session is not the server's.
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds),
            NoResetOnClose = true,
        };

        // Server-side prepared statements (Npgsql's automatic preparation): each connection parses and plans a store
        // statement once instead of on every call. Only where the connection string did not choose already.
        if (options.PrepareStatements && builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = MaxPreparedStatements;
            builder.AutoPrepareMinUsages = 2;
        }

        _dataSource = new NpgsqlSlimDataSourceBuilder(builder.ConnectionString).EnableArrays().Build();
        _migrationConnectionString = new NpgsqlConnectionStringBuilder(options.MigrationConnectionString ?? options.ConnectionString)
        {
            CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds),
            Pooling = false,
        }.ConnectionString;
    }

    /// <summary>The schema version this package migrates to.</summary>
    public static int LatestMigration => s_migrations[^1].Version;

    /// <summary>The migrations embedded in this package.</summary>
    internal static IReadOnlyList<Migration> EmbeddedMigrations => s_migrations;

    public override string ProviderName => "postgresql";

    public override bool RunsDataModifyingCtes => true;

    // set_config(…, true) lasts until the end of the statement's own transaction; the commit reads it.
    public override string UnflushedCommitSource => "FROM (SELECT set_config('synchronous_commit', 'off', true)) AS unflushed";

    protected override IReadOnlyList<Migration> Migrations => _migrations;

    protected override string TableExistsSql => $"SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = '{_schema}' AND tablename = @name";

    public override string Table(string name) => $"\"{_schema}\".\"{Options.TablePrefix}{name}\"";

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async ValueTask<DbConnection> OpenMigrationConnectionAsync(CancellationToken cancellationToken)
    {
        // The migration's advisory lock must hold on the server it asked: a direct connection, never one shared by a pooler.
        var connection = new NpgsqlConnection(_migrationConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override string ExpandScript(string script) => script
        .Replace("{schema}", _schema, StringComparison.Ordinal)
        .Replace("{prefix}", Options.TablePrefix, StringComparison.Ordinal);

    protected override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // A transaction-scoped advisory lock: a second server migrating at the same time waits here, then finds the
        // schema current. It is released by the commit or rollback.
        using (var lockCommand = Command(connection, "SELECT pg_advisory_xact_lock(hashtext(@key))", transaction).With("@key", "mfa-migrate:" + _schema + "." + Options.TablePrefix))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Only create the schema when missing, so a user without CREATE on the database can use a schema a DBA made.
        using var exists = Command(connection, "SELECT COUNT(*) FROM pg_catalog.pg_namespace WHERE nspname = @schema", transaction).With("@schema", _schema);
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            using var create = Command(connection, $"CREATE SCHEMA IF NOT EXISTS \"{_schema}\"", transaction);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Availability faults: anything Npgsql raises that is not a server error (connection refused, reset, closed stream,
    /// timeout, pool exhausted), and server errors of classes 08 (connection), 53 (insufficient resources), 58 (system / I/O),
    /// 57P01–57P03 (admin or crash shutdown, cannot connect now), 57014 (statement timeout), 55P03 (lock timeout),
    /// 40001 / 40P01 (serialization failure, deadlock). Every store statement is safe to retry after them.
    /// </summary>
    protected override bool IsTransientFault(Exception exception) => exception switch
    {
        PostgresException server => IsTransientSqlState(server.SqlState),
        NpgsqlException => true,
        TimeoutException or IOException or System.Net.Sockets.SocketException => true,
        _ => false,
    };

    internal static bool IsTransientSqlState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)
        || state.StartsWith("53", StringComparison.Ordinal)
        || state.StartsWith("58", StringComparison.Ordinal)
        || state is "57P01" or "57P02" or "57P03" or "57014" or "55P03" or "40001" or "40P01";

    protected override async ValueTask DisposeAsyncCore()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
        }

        base.Dispose(disposing);
    }
}
