using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mfa.Benchmarks.Storage;

/// <summary>
/// The database's own floor: one prepared single-statement UPDATE, committed (autocommit), per operation; each caller
/// updates its own row over its own open connection, as pgbench does. Same server or file and connection string as the store.
/// </summary>
public sealed class UpdateFloor : IAsyncDisposable
{
    private static readonly string[] s_sqliteSetup = ["PRAGMA busy_timeout = 30000", "CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)"];
    private readonly List<DbConnection> _connections = [];
    private readonly List<DbCommand> _commands = [];
    private readonly List<DbCommand> _reads = [];
    private readonly SemaphoreSlim? _gate;

    private UpdateFloor(SemaphoreSlim? gate) => _gate = gate;

    /// <summary>
    /// A floor on a PostgreSQL server: a table in <paramref name="schema"/>, a prepared statement per connection, unless
    /// <paramref name="prepare"/> is off (PgBouncer in transaction mode before 1.21 cannot keep a server-side prepared statement).
    /// </summary>
    public static async Task<UpdateFloor> PostgreSqlAsync(string connectionString, string schema, int callers, bool prepare = true)
    {
        var floor = new UpdateFloor(gate: null);
        var table = $"\"{schema}\".bench_floor";
        await using (var setup = new NpgsqlConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS \"{schema}\"; CREATE TABLE IF NOT EXISTS {table} (id integer PRIMARY KEY, n bigint NOT NULL); INSERT INTO {table} SELECT g, 0 FROM generate_series(0, {callers.ToString(CultureInfo.InvariantCulture)}) g ON CONFLICT DO NOTHING", setup);
            await create.ExecuteNonQueryAsync();
        }

        for (var i = 0; i < callers; i++)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var command = new NpgsqlCommand($"UPDATE {table} SET n = n + 1 WHERE id = $1", connection);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = i });
            var read = new NpgsqlCommand($"SELECT n FROM {table} WHERE id = $1", connection);
            read.Parameters.Add(new NpgsqlParameter<int> { TypedValue = i });
            if (prepare)
            {
                await command.PrepareAsync();
                await read.PrepareAsync();
            }
            floor._connections.Add(connection);
            floor._commands.Add(command);
            floor._reads.Add(read);
        }

        return floor;
    }

    /// <summary>
    /// A floor on a SQLite file (already in WAL mode, synchronous left at its default like the store's): one autocommit
    /// UPDATE. Writers of the process queue on one gate, as the store's do.
    /// </summary>
    public static async Task<UpdateFloor> SqliteAsync(string connectionString, int callers)
    {
        var floor = new UpdateFloor(new SemaphoreSlim(1, 1));
        for (var i = 0; i < callers; i++)
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            if (i == 0)
            {
                foreach (var sql in s_sqliteSetup.Concat(Enumerable.Range(0, callers).Select(row => "INSERT OR IGNORE INTO bench_floor VALUES (" + row.ToString(CultureInfo.InvariantCulture) + ", 0)")))
                {
                    await using var setup = connection.CreateCommand();
                    setup.CommandText = sql;
                    await setup.ExecuteNonQueryAsync();
                }
            }

            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA busy_timeout = 30000";
                await pragma.ExecuteNonQueryAsync();
            }

            var command = connection.CreateCommand();
            command.CommandText = "UPDATE bench_floor SET n = n + 1 WHERE id = $id";
            command.Parameters.AddWithValue("$id", i);
            command.Prepare();
            var read = connection.CreateCommand();
            read.CommandText = "SELECT n FROM bench_floor WHERE id = $id";
            read.Parameters.AddWithValue("$id", i);
            read.Prepare();
            floor._connections.Add(connection);
            floor._commands.Add(command);
            floor._reads.Add(read);
        }

        return floor;
    }

    /// <summary>One committed UPDATE by caller <paramref name="caller"/>.</summary>
    public async Task<string?> UpdateAsync(int caller)
    {
        if (_gate is not null)
        {
            await _gate.WaitAsync();
        }

        try
        {
            return await _commands[caller].ExecuteNonQueryAsync() == 1 ? null : "no row updated";
        }
        finally
        {
            _gate?.Release();
        }
    }

    /// <summary>One read of caller <paramref name="caller"/>'s row (what a read-only round trip costs, next to the commit).</summary>
    public async Task<string?> ReadAsync(int caller) =>
        await _reads[caller].ExecuteScalarAsync() is null ? "no row read" : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _reads.Concat(_commands))
        {
            await command.DisposeAsync();
        }

        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        _gate?.Dispose();
    }
}
