using System.Diagnostics.CodeAnalysis;
using Mfa.Specification.Service;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Storage.Sqlite.Tests;

/// <summary>The durable-store guarantees on SQLite: each server opens the file with its own connections (the second unpooled).</summary>
[TestFixture]
public sealed class SqliteDurableStoreTests : DurableStoreSpecification
{
    [SuppressMessage("Structure", "NUnit1032", Justification = "Disposed by DropDatabaseAsync, which the base TearDown calls once the servers are stopped.")]
    private SqliteTestDatabase? _file;

    protected override Task CreateDatabaseAsync()
    {
        _file = new SqliteTestDatabase();
        return Task.CompletedTask;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
            _file = null;
        }
    }

    protected override void UseStore(IMfaBuilder builder, int server) =>
        builder.UseSqlite(_file!.ConnectionString(pooling: server % 2 == 0));

    protected override Task ReleaseConnectionsAsync()
    {
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}
