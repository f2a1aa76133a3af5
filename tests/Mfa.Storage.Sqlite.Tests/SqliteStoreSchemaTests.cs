using Microsoft.Data.Sqlite;

namespace Mfa.Storage.Sqlite.Tests;

[TestFixture]
public sealed class SqliteStoreSchemaTests
{
    private SqliteTestDatabase _file = null!;

    [SetUp]
    public void SetUp() => _file = new SqliteTestDatabase();

    [TearDown]
    public async Task TearDown() => await _file.DisposeAsync();

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(_file.ConnectionString(pooling: false));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [Test]
    public async Task MigrateAsync_EmptyFile_AppliesEveryMigration()
    {
        var applied = await SqliteStoreSchema.MigrateAsync(_file.ConnectionString());

        Assert.That(applied, Is.EqualTo(SqliteStoreSchema.LatestVersion));
        Assert.That(await SqliteStoreSchema.GetVersionAsync(_file.ConnectionString()), Is.EqualTo(SqliteStoreSchema.LatestVersion));
    }

    [Test]
    public async Task MigrateAsync_EmptyFile_SwitchesToWal()
    {
        await SqliteStoreSchema.MigrateAsync(_file.ConnectionString());
        Assert.That(await ScalarAsync("PRAGMA journal_mode"), Is.EqualTo("wal"));
    }

    [Test]
    public async Task MigrateAsync_Twice_SecondAppliesNothing()
    {
        await SqliteStoreSchema.MigrateAsync(_file.ConnectionString());
        Assert.That(await SqliteStoreSchema.MigrateAsync(_file.ConnectionString()), Is.Zero);
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM mfa_schema_version"), Is.EqualTo(SqliteStoreSchema.LatestVersion));
    }

    [Test]
    public async Task MigrateAsync_EightAtOnce_MigrateOnceWithoutErrors()
    {
        var migrators = Enumerable.Range(0, 8).Select(i => Task.Run(() => SqliteStoreSchema.MigrateAsync(_file.ConnectionString(pooling: i % 2 == 0))));

        var applied = await Task.WhenAll(migrators);

        Assert.That(applied.Sum(), Is.EqualTo(SqliteStoreSchema.LatestVersion));
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM mfa_schema_version"), Is.EqualTo(SqliteStoreSchema.LatestVersion));
    }

    [Test]
    public async Task GetVersionAsync_EmptyFile_ReturnsZero()
    {
        Assert.That(await SqliteStoreSchema.GetVersionAsync(_file.ConnectionString()), Is.Zero);
    }

    [Test]
    public async Task MigrateAsync_TablePrefix_NamesEveryTable()
    {
        await SqliteStoreSchema.MigrateAsync(_file.ConnectionString(), o => o.TablePrefix = "auth_");

        var tables = await ScalarAsync("SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)");

        Assert.That(((string)tables!).Split(','), Is.All.StartsWith("auth_"));
        Assert.That(await SqliteStoreSchema.GetVersionAsync(_file.ConnectionString()), Is.Zero, "the default prefix names other tables");
    }

    [Test]
    public void MigrateAsync_InvalidTablePrefix_ThrowsBeforeTouchingTheFile()
    {
        Assert.That(async () => await SqliteStoreSchema.MigrateAsync(_file.ConnectionString(), o => o.TablePrefix = "x\"; DROP TABLE y; --"), Throws.ArgumentException);
        Assert.That(File.Exists(_file.FilePath), Is.False);
    }

    [Test]
    public async Task EnsureReadyAsync_MigrationsOffOnEmptyFile_RefusesWithAnExplanation()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => _file.OpenAsync(configure: o => o.RunMigrationsAtStartup = false));
        Assert.That(ex!.Message, Does.Contain("mfa store migrate"));
    }

    [Test]
    public async Task EnsureReadyAsync_MigrationsOffAfterMigrate_Works()
    {
        await SqliteStoreSchema.MigrateAsync(_file.ConnectionString());
        Assert.That(async () => await _file.OpenAsync(configure: o => o.RunMigrationsAtStartup = false), Throws.Nothing);
    }
}
