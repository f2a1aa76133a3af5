using Mfa.Storage.Relational.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Mfa.Storage.PostgreSql.Tests;

/// <summary>A migration that fails half-way leaves nothing behind: PostgreSQL DDL runs in the migration transaction.</summary>
[TestFixture]
public sealed class PostgreSqlMigrationUpgradeTests
{
    private static readonly Migration s_breaksHalfWay = new(PostgreSqlDatabase.EmbeddedMigrations.Count + 1, "breaks", """
        CREATE TABLE "{schema}"."{prefix}half_done" (id integer NOT NULL PRIMARY KEY);
        ALTER TABLE "{schema}"."{prefix}no_such_table" ADD COLUMN x integer;
        """);

    private PostgreSqlTestDatabase? _schema;

    [SetUp]
    public void SetUp() => _schema = new PostgreSqlTestDatabase();

    [TearDown]
    public async Task TearDown()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    [Test]
    public async Task MigrateAsync_MigrationFailsHalfWay_RollsBackEverythingItDid()
    {
        var options = new PostgreSqlStoreOptions();
        _schema!.Configure(options);
        await using var broken = new PostgreSqlDatabase(options, TimeProvider.System, NullLogger.Instance, [.. PostgreSqlDatabase.EmbeddedMigrations, s_breaksHalfWay]);

        Assert.That(async () => await broken.MigrateAsync(CancellationToken.None), Throws.InstanceOf<PostgresException>());

        // Not even version 1 was kept: the whole run is one transaction.
        Assert.That(await broken.GetSchemaVersionAsync(CancellationToken.None), Is.Zero);
        Assert.That(await _schema.AdminAsync($"SELECT COUNT(*) FROM pg_tables WHERE schemaname = '{_schema.Schema}'"), Is.Zero);
    }
}
