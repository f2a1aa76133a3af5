using System.Data.Common;
using Mfa.Core.Storage;
using Mfa.Storage.Relational.Migrations;
using Microsoft.Extensions.Logging;

namespace Mfa.Storage.Relational;

/// <summary>
/// One SQL database as the stores see it: opens connections, names tables, starts write transactions and keeps the schema
/// at the version the stores need. Providers derive from it with their ADO.NET driver and SQL dialect details.
/// </summary>
/// <remarks>
/// All store statements are shared between providers: they use only SQL that SQLite (3.39+) and PostgreSQL (12+) both
/// accept (<c>ON CONFLICT</c>, <c>RETURNING</c>, <c>IS NOT DISTINCT FROM</c>), times as UTC unix milliseconds.
/// Every store statement runs through <see cref="QueryAsync{T}"/> or a write transaction, where the provider's availability
/// faults (<see cref="IsTransientFault"/>) become <see cref="MfaStoreException"/>: one mapping for all stores.
/// </remarks>
internal abstract partial class RelationalDatabase : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _readyGate = new(1, 1);
    private readonly ILogger _logger;
    private volatile bool _ready;

    protected RelationalDatabase(RelationalStoreOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        Options = options;
        Time = time;
        _logger = logger;
        CommandTimeoutSeconds = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
    }

    /// <summary>The provider's name in logs and errors (<c>sqlite</c>, <c>postgresql</c>).</summary>
    public abstract string ProviderName { get; }

    /// <summary>The options.</summary>
    public RelationalStoreOptions Options { get; }

    /// <summary>The clock (migration timestamps, sweeping).</summary>
    public TimeProvider Time { get; }

    /// <summary>The schema version this code needs and migrates to.</summary>
    public int LatestVersion => Migrations[^1].Version;

    /// <summary>The provider's migrations, in version order.</summary>
    protected abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>SQL returning 1 when the table named by the <c>@name</c> parameter (unquoted, prefixed) exists, else 0.</summary>
    protected abstract string TableExistsSql { get; }

    /// <summary>
    /// Queues this instance's writers in process when the database takes one writer at a time (SQLite), so they wait in
    /// order instead of polling the database's lock; <see langword="null"/> where writers run in parallel (PostgreSQL).
    /// </summary>
    protected virtual SemaphoreSlim? WriteGate => null;

    private int CommandTimeoutSeconds { get; }

    /// <summary>
    /// Whether the database runs data-modifying common table expressions (<c>WITH x AS (UPDATE … RETURNING …)</c>), so that
    /// several dependent writes fit in one statement: PostgreSQL does, SQLite does not.
    /// </summary>
    public virtual bool RunsDataModifyingCtes => false;

    /// <summary>Counts commands and commits when set (the stores' load benchmark); <see langword="null"/> otherwise.</summary>
    internal RelationalStatistics? Statistics { get; set; }

    /// <summary>The quoted, qualified name of a store table.</summary>
    /// <param name="name">The unprefixed name (<c>challenges</c>).</param>
    /// <returns>The name to splice into SQL.</returns>
    public abstract string Table(string name);

    /// <summary>Opens a connection for a store operation, migrating or checking the schema on first use.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The open connection; the caller disposes it.</returns>
    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_ready)
        {
            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        }

        return await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a transaction that holds the write lock from its first statement.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The transaction.</returns>
    public virtual ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>Creates a command with the configured timeout.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="sql">The statement.</param>
    /// <param name="transaction">The transaction, if any.</param>
    /// <returns>The command; the caller disposes it.</returns>
    public DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Statements are built from constant text and validated, quoted table names; values are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.CommandTimeout = CommandTimeoutSeconds;
        command.Transaction = transaction;
        Statistics?.Command();
        return command;
    }

    /// <summary>Runs one statement that returns rows, on its own connection, and reads every row.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="statement">The statement.</param>
    /// <param name="bind">Adds the parameters.</param>
    /// <param name="read">Reads one row.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The rows.</returns>
    public async Task<List<T>> QueryAsync<T>(SqlStatement statement, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(read);
        var gate = statement.Writes ? WriteGate : null;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = Command(connection, statement.Text);
                bind(command);
                if (statement.Writes)
                {
                    Statistics?.Commit();
                }

                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var rows = new List<T>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows.Add(read(reader));
                    }

                    return rows;
                }
            }
        }
        catch (Exception exception) when (IsUnavailable(exception, cancellationToken))
        {
            throw Unavailable(exception);
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>Runs reads on a connection of their own (no write gate): availability faults become <see cref="MfaStoreException"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="body">The reads; it gets the open connection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The body's result.</returns>
    public async Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await body(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (IsUnavailable(exception, cancellationToken))
        {
            throw Unavailable(exception);
        }
    }

    /// <summary>Runs one statement that returns at most one row, on its own connection.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="statement">The statement.</param>
    /// <param name="bind">Adds the parameters.</param>
    /// <param name="read">Reads the row.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The row, or <see langword="null"/> when there is none.</returns>
    public async Task<T?> QuerySingleAsync<T>(SqlStatement statement, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        var rows = await QueryAsync(statement, bind, read, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Runs one statement that changes rows and returns none, on its own connection.</summary>
    /// <param name="sql">The statement.</param>
    /// <param name="bind">Adds the parameters.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many rows it changed.</returns>
    public Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bind);
        return WriteTransactionAsync(
            async (connection, transaction, ct) =>
            {
                using var command = Command(connection, sql, transaction);
                bind(command);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            transactional: false,
            cancellationToken);
    }

    /// <summary>
    /// Runs one <c>INSERT … SELECT</c> whose commit need not wait for the disk (<see cref="RelationalStoreOptions.DurableChallengeBegin"/>
    /// off): the statement carries <see cref="UnflushedCommitSource"/> as its <c>FROM</c>, and the provider relaxes the
    /// connection first where that is a connection setting (<see cref="RelaxNextCommitAsync"/>).
    /// </summary>
    /// <param name="sql">The statement, built with <see cref="UnflushedCommitSource"/>.</param>
    /// <param name="bind">Adds the parameters.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many rows it changed.</returns>
    public Task<int> ExecuteUnflushedAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bind);
        return WriteTransactionAsync(
            async (connection, transaction, ct) =>
            {
                await RelaxNextCommitAsync(connection, ct).ConfigureAwait(false);
                using var command = Command(connection, sql, transaction);
                bind(command);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            transactional: false,
            cancellationToken);
    }

    /// <summary>
    /// The <c>FROM</c> clause (possibly empty) of an <c>INSERT … SELECT</c> that <see cref="ExecuteUnflushedAsync"/> runs:
    /// where the setting is transaction-scoped (PostgreSQL), it sets it inside the statement, so that nothing outlives the
    /// transaction (safe behind a pooler in transaction mode).
    /// </summary>
    public virtual string UnflushedCommitSource => string.Empty;

    /// <summary>Lets the next statement on <paramref name="connection"/> commit without waiting for the disk, where that is a connection setting (SQLite).</summary>
    /// <param name="connection">The connection; the provider restores the setting when it opens it next.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    protected virtual Task RelaxNextCommitAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs one write statement (or batch) the server commits on its own, on one connection, after the write gate.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="body">Runs the statement; it gets the connection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The body's result.</returns>
    public Task<T> AutocommitAsync<T>(Func<DbConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return WriteTransactionAsync((connection, _, ct) => body(connection, ct), transactional: false, cancellationToken);
    }

    /// <summary>Runs several writes on one connection, in one transaction that holds the write lock from its start.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="body">The writes; it gets the connection and transaction.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The body's result, after the commit.</returns>
    public Task<T> WriteTransactionAsync<T>(Func<DbConnection, DbTransaction?, CancellationToken, Task<T>> body, CancellationToken cancellationToken) =>
        WriteTransactionAsync(body, transactional: true, cancellationToken);

    private async Task<T> WriteTransactionAsync<T>(Func<DbConnection, DbTransaction?, CancellationToken, Task<T>> body, bool transactional, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var gate = WriteGate;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                if (!transactional)
                {
                    Statistics?.Commit();
                    return await body(connection, null, cancellationToken).ConfigureAwait(false);
                }

                var transaction = await BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await body(connection, transaction, cancellationToken).ConfigureAwait(false);
                    await CommitAsync(transaction, cancellationToken).ConfigureAwait(false);
                    return result;
                }
            }
        }
        catch (Exception exception) when (IsUnavailable(exception, cancellationToken))
        {
            throw Unavailable(exception);
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>Commits a write transaction (and counts it).</summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    public Task CommitAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        Statistics?.Command();
        Statistics?.Commit();
        return transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Migrates (when enabled) or checks the schema once; later calls return at once.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="InvalidOperationException">Migrations are off and the schema is older than this code needs.</exception>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        await _readyGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            if (Options.RunMigrationsAtStartup)
            {
                await MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var version = await GetSchemaVersionAsync(cancellationToken).ConfigureAwait(false);
                if (version < LatestVersion)
                {
                    throw new InvalidOperationException(
                        $"The MFA {ProviderName} schema is at version {version} but this version of Mfa.Sdk needs {LatestVersion}. "
                        + $"Run 'mfa store migrate --provider {ProviderName}' or set RunMigrationsAtStartup.");
                }
            }

            _ready = true;
        }
        finally
        {
            _readyGate.Release();
        }
    }

    /// <summary>Reads the schema version (0 for an empty database).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The version.</returns>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var exists = Command(connection, TableExistsSql).With("@name", Options.TablePrefix + "schema_version");
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return 0;
            }

            using var read = Command(connection, $"SELECT COALESCE(MAX(version), 0) FROM {Table("schema_version")}");
            return Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Brings the schema to <see cref="LatestVersion"/> in one transaction, applying each missing migration once; safe to run
    /// from several servers at once (the provider serializes migrators).
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many migrations were applied (0 when the schema was current).</returns>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenMigrationConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await PrepareMigrationAsync(connection, cancellationToken).ConfigureAwait(false);
            var transaction = await BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                var versionTable = Table("schema_version");
                using (var create = Command(connection, $"CREATE TABLE IF NOT EXISTS {versionTable} (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)", transaction))
                {
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                int current;
                using (var read = Command(connection, $"SELECT COALESCE(MAX(version), 0) FROM {versionTable}", transaction))
                {
                    current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                }

                var applied = 0;
                foreach (var migration in Migrations.Where(m => m.Version > current))
                {
                    using (var script = Command(connection, ExpandScript(migration.Script), transaction))
                    {
                        await script.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    using (var record = Command(connection, $"INSERT INTO {versionTable} (version, name, applied_at) VALUES (@version, @name, @applied_at)", transaction)
                        .With("@version", migration.Version)
                        .With("@name", migration.Name)
                        .With("@applied_at", Time.GetUtcNow().ToUnixTimeMilliseconds()))
                    {
                        await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    applied++;
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                if (applied > 0)
                {
                    Log.Migrated(_logger, ProviderName, current, current + applied);
                }

                return applied;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        Dispose(disposing: false);
        GC.SuppressFinalize(this);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Whether a driver exception is a fault of the store's availability (connection refused or lost, server shutting
    /// down, busy, I/O error, timeout) rather than of the statement: such faults become <see cref="MfaStoreException"/>.
    /// </summary>
    /// <param name="exception">The exception a store operation threw.</param>
    /// <returns><see langword="true"/> for an availability fault.</returns>
    protected abstract bool IsTransientFault(Exception exception);

    /// <summary>Opens a raw connection (no schema check) and prepares the session.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The open connection.</returns>
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Opens the connection the migration runs on; by default one like the stores'.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The open connection.</returns>
    protected virtual ValueTask<DbConnection> OpenMigrationConnectionAsync(CancellationToken cancellationToken) => OpenConnectionAsync(cancellationToken);

    /// <summary>Expands the placeholders of a migration script.</summary>
    /// <param name="script">The script.</param>
    /// <returns>The SQL to run.</returns>
    protected abstract string ExpandScript(string script);

    /// <summary>Runs what must happen outside the migration transaction (for example switching SQLite to WAL).</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    protected virtual Task PrepareMigrationAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Makes other migrators wait until this transaction ends.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="transaction">The migration transaction.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    protected virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Releases the provider's asynchronous resources.</summary>
    /// <returns>A task.</returns>
    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _readyGate.Dispose();
        }
    }

    /// <summary>
    /// Whether a driver exception becomes <see cref="MfaStoreException"/>: every availability fault, and every other
    /// database error too (a schema that was not migrated or was changed by hand, a permission taken away, a replica that
    /// became read-only after a failover). None of them may reach the host as a driver exception; the inner exception
    /// keeps the driver's detail for the operator's log.
    /// </summary>
    private bool IsUnavailable(Exception exception, CancellationToken cancellationToken) =>
        exception is not (MfaStoreException or OperationCanceledException)
        && !cancellationToken.IsCancellationRequested
        && (IsTransientFault(exception) || exception is DbException);

    /// <summary>The typed fault; the message names only the provider (the driver's may name hosts or values).</summary>
    private MfaStoreException Unavailable(Exception exception) => IsTransientFault(exception)
        ? new($"The MFA {ProviderName} store is unavailable.", exception)
        : new($"The MFA {ProviderName} store refused a statement (a schema or permission fault; the inner exception has the database's error).", exception);

    private static partial class Log
    {
        [LoggerMessage(EventId = RelationalEventIds.Migrated, Level = LogLevel.Information, Message = "MFA {Provider} schema migrated from version {From} to {To}")]
        public static partial void Migrated(ILogger logger, string provider, int from, int to);
    }
}
