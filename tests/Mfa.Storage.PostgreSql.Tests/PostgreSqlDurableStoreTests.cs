using System.Diagnostics.CodeAnalysis;
using Mfa.Specification.Service;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mfa.Storage.PostgreSql.Tests;

/// <summary>The durable-store guarantees on PostgreSQL: each server has its own data source (connection pool).</summary>
[TestFixture]
public sealed class PostgreSqlDurableStoreTests : DurableStoreSpecification
{
    [SuppressMessage("Structure", "NUnit1032", Justification = "Disposed by DropDatabaseAsync, which the base TearDown calls once the servers are stopped.")]
    private PostgreSqlTestDatabase? _schema;

    protected override Task CreateDatabaseAsync()
    {
        _schema = new PostgreSqlTestDatabase();
        return Task.CompletedTask;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
            _schema = null;
        }
    }

    protected override void UseStore(IMfaBuilder builder, int server) =>
        builder.UsePostgreSql(_schema!.ServerConnectionString, _schema.Configure);

    protected override Task ReleaseConnectionsAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}
