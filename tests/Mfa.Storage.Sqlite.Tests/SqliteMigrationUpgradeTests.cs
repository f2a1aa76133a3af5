using Mfa.Storage.Relational;
using Mfa.Storage.Relational.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mfa.Storage.Sqlite.Tests;

/// <summary>Upgrading an existing database: only the missing migrations run, each in the one transaction, data kept.</summary>
[TestFixture]
public sealed class SqliteMigrationUpgradeTests
{
    private static readonly int s_next = SqliteDatabase.EmbeddedMigrations.Count + 1;

    private static readonly Migration s_addTable = new(s_next, "add_notes", """CREATE TABLE "{prefix}notes" (id INTEGER NOT NULL PRIMARY KEY);""");

    private static readonly Migration s_breaksHalfWay = new(s_next, "breaks", """
        CREATE TABLE "{prefix}half_done" (id INTEGER NOT NULL PRIMARY KEY);
        ALTER TABLE "{prefix}no_such_table" ADD COLUMN x INTEGER;
        """);

    private SqliteTestDatabase _file = null!;

    [SetUp]
    public void SetUp() => _file = new SqliteTestDatabase();

    [TearDown]
    public async Task TearDown() => await _file.DisposeAsync();

    private SqliteDatabase Open(params Migration[] extra) =>
        new(new SqliteStoreOptions { ConnectionString = _file.ConnectionString() }, TimeProvider.System, NullLogger.Instance, [.. SqliteDatabase.EmbeddedMigrations, .. extra]);

    private async Task<long> TableCountAsync(string name)
    {
        await using var connection = new SqliteConnection(_file.ConnectionString(pooling: false));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", name);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Test]
    public async Task MigrateAsync_OneNewMigration_AppliesOnlyItAndKeepsTheData()
    {
        await using var current = Open();
        await current.MigrateAsync(CancellationToken.None);
        await new RelationalReplayGuardStore(current).TryAdvanceStepAsync("auth-1", 42);

        await using var upgraded = Open(s_addTable);
        var applied = await upgraded.MigrateAsync(CancellationToken.None);

        Assert.That(applied, Is.EqualTo(1));
        Assert.That(await upgraded.GetSchemaVersionAsync(CancellationToken.None), Is.EqualTo(s_next));
        Assert.That(await TableCountAsync("mfa_notes"), Is.EqualTo(1));
        Assert.That(await new RelationalReplayGuardStore(upgraded).GetLastStepAsync("auth-1"), Is.EqualTo(42));
    }

    [Test]
    public async Task MigrateAsync_MigrationFailsHalfWay_RollsBackEverythingItDid()
    {
        await using var current = Open();
        await current.MigrateAsync(CancellationToken.None);

        await using var broken = Open(s_breaksHalfWay);
        Assert.That(async () => await broken.MigrateAsync(CancellationToken.None), Throws.InstanceOf<SqliteException>());

        Assert.That(await current.GetSchemaVersionAsync(CancellationToken.None), Is.EqualTo(s_next - 1));
        Assert.That(await TableCountAsync("mfa_half_done"), Is.Zero);
    }

    [Test]
    public async Task EnsureReadyAsync_SchemaNewerThanTheCode_StillWorks()
    {
        // During a rolling upgrade the old servers keep running against the newer schema.
        await using var newer = Open(s_addTable);
        await newer.MigrateAsync(CancellationToken.None);

        await using var older = new SqliteDatabase(new SqliteStoreOptions { ConnectionString = _file.ConnectionString(), RunMigrationsAtStartup = false }, TimeProvider.System, NullLogger.Instance);

        Assert.That(async () => await new RelationalChallengeStore(older).FindAsync("any"), Throws.Nothing);
        Assert.That(await older.GetSchemaVersionAsync(CancellationToken.None), Is.EqualTo(s_next));
    }

    [Test]
    public void LoadEmbedded_ProviderScripts_AreNumberedFromOne()
    {
        Assert.That(SqliteDatabase.EmbeddedMigrations.Select(m => m.Version), Is.EqualTo(Enumerable.Range(1, SqliteStoreSchema.LatestVersion)));
        Assert.That(SqliteDatabase.EmbeddedMigrations[0].Name, Is.EqualTo("initial"));
    }
}
