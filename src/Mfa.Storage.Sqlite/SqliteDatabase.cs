using System.Data.Common;
using Mfa.Storage.Relational;
using Mfa.Storage.Relational.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Mfa.Storage.Sqlite;

/// <summary>A SQLite database file: pooled connections with a busy timeout, BEGIN IMMEDIATE for write transactions, WAL.</summary>
internal sealed class SqliteDatabase : RelationalDatabase
{
    private static readonly IReadOnlyList<Migration> s_migrations = Migration.LoadEmbedded(typeof(SqliteDatabase).Assembly);

    private readonly IReadOnlyList<Migration> _migrations;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _connectionString;
    private readonly string _busyTimeout;

    public SqliteDatabase(SqliteStoreOptions options, TimeProvider time, ILogger logger)
        : this(options, time, logger, s_migrations)
    {
    }

    /// <summary>Opens the database with other migrations than the embedded ones (tests of upgrades and failed migrations).</summary>
    internal SqliteDatabase(SqliteStoreOptions options, TimeProvider time, ILogger logger, IReadOnlyList<Migration> migrations)
        : base(options, time, logger)
    {
        _migrations = migrations;
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            DefaultTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds),
        };
        _connectionString = builder.ConnectionString;

        // SQLite's own busy handler retries with short sleeps, so racing writers queue up instead of failing with SQLITE_BUSY.
        // Every commit waits for the disk (FULL, SQLite's default), also on a pooled connection whose last user relaxed it.
        _busyTimeout = FormattableString.Invariant($"PRAGMA busy_timeout = {(long)options.CommandTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL;");
    }

    /// <summary>The schema version this package migrates to.</summary>
    public static int LatestMigration => s_migrations[^1].Version;

    /// <summary>The migrations embedded in this package.</summary>
    internal static IReadOnlyList<Migration> EmbeddedMigrations => s_migrations;

    public override string ProviderName => "sqlite";

    protected override IReadOnlyList<Migration> Migrations => _migrations;

    // SQLite has one writer at a time. Writers of this process queue here in order; SQLite's busy handler (which polls
    // with growing sleeps) then only arbitrates between processes.
    protected override SemaphoreSlim? WriteGate => _writeGate;

    protected override string TableExistsSql => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name";

    public override string Table(string name) => $"\"{Options.TablePrefix}{name}\"";

    public override ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);

        // BEGIN IMMEDIATE takes the write lock at once (waiting through busy_timeout), so a transaction that reads and
        // then writes can never fail half-way with SQLITE_BUSY because another connection wrote in between.
        return ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragma = connection.CreateCommand();
            pragma.CommandText = _busyTimeout;
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Under WAL, NORMAL commits without syncing the log; the next FULL commit on the file (or a checkpoint) syncs it, and
    // everything written before with it. A process crash loses nothing (the log is in the OS's cache); a power loss can
    // lose what no later commit synced. Set just before the one statement; the next open sets FULL again.
    protected override async Task RelaxNextCommitAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        using var relax = Command(connection, "PRAGMA synchronous = NORMAL;");
        await relax.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override string ExpandScript(string script) => script.Replace("{prefix}", Options.TablePrefix, StringComparison.Ordinal);

    protected override async Task PrepareMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL is a property of the file and persists; it cannot be switched inside a transaction.
        using var wal = Command(connection, "PRAGMA journal_mode = WAL;");
        await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Availability faults: SQLITE_BUSY (5) and SQLITE_LOCKED (6) past the busy timeout, SQLITE_IOERR (10), SQLITE_FULL (13)
    /// and SQLITE_CANTOPEN (14), and a timed-out command. Constraint and schema errors are bugs, not faults: they propagate.
    /// </summary>
    protected override bool IsTransientFault(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 or 10 or 13 or 14,
        TimeoutException or IOException => true,
        _ => false,
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writeGate.Dispose();
        }

        base.Dispose(disposing);
    }
}
