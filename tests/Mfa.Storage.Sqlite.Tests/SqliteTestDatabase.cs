using Mfa.Specification.Service;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mfa.Storage.Sqlite.Tests;

/// <summary>A fresh SQLite file in a temporary folder, opened by as many <see cref="SqliteDatabase"/> instances as a test wants; deleted on dispose.</summary>
internal sealed class SqliteTestDatabase : IDurableTestStore
{
    private readonly List<SqliteDatabase> _opened = [];

    public SqliteTestDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "mfa-sqlite-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "mfa.db");
    }

    public string Folder { get; }

    public string FilePath { get; }

    /// <summary>A connection string for the file; <paramref name="pooling"/> off gives an instance its own connections.</summary>
    public string ConnectionString(bool pooling = true) => new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = pooling }.ConnectionString;

    /// <summary>Opens the file as one app server would; the first call creates the schema.</summary>
    public async Task<SqliteDatabase> OpenAsync(TimeProvider? time = null, bool pooling = true, Action<SqliteStoreOptions>? configure = null)
    {
        var options = new SqliteStoreOptions { ConnectionString = ConnectionString(pooling) };
        configure?.Invoke(options);
        var database = new SqliteDatabase(options, time ?? TimeProvider.System, NullLogger.Instance);
        _opened.Add(database);
        await database.EnsureReadyAsync(CancellationToken.None);
        return database;
    }

    /// <summary>Every other server opens the file without pooling, so the servers never share a connection.</summary>
    public void Use(IMfaBuilder builder, int server) => builder.UseSqlite(ConnectionString(pooling: server % 2 == 0));

    public Task ReleaseConnectionsAsync()
    {
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        _opened.Clear();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a leaked connection; the temporary folder is cleaned up by the OS eventually.
        }
    }

}
