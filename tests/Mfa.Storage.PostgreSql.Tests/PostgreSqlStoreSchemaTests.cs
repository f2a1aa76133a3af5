namespace Mfa.Storage.PostgreSql.Tests;

[TestFixture]
public sealed class PostgreSqlStoreSchemaTests
{
    private PostgreSqlTestDatabase? _schemaOrNull;

    [SetUp]
    public void SetUp() => _schemaOrNull = new PostgreSqlTestDatabase();

    [TearDown]
    public async Task TearDown()
    {
        if (_schemaOrNull is not null)
        {
            await _schemaOrNull.DisposeAsync();
        }
    }

    private PostgreSqlTestDatabase Db => _schemaOrNull!;

    private Task<int> MigrateAsync(Action<PostgreSqlStoreOptions>? configure = null) =>
        PostgreSqlStoreSchema.MigrateAsync(Db.ServerConnectionString, o =>
        {
            Db.Configure(o);
            configure?.Invoke(o);
        });

    private Task<int> GetVersionAsync() => PostgreSqlStoreSchema.GetVersionAsync(Db.ServerConnectionString, Db.Configure);

    [Test]
    public async Task MigrateAsync_MissingSchema_CreatesItAndAppliesEveryMigration()
    {
        var applied = await MigrateAsync();

        Assert.That(applied, Is.EqualTo(PostgreSqlStoreSchema.LatestVersion));
        Assert.That(await GetVersionAsync(), Is.EqualTo(PostgreSqlStoreSchema.LatestVersion));
        Assert.That(await Db.AdminAsync($"SELECT COUNT(*) FROM pg_tables WHERE schemaname = '{Db.Schema}'"), Is.EqualTo(8));
    }

    [Test]
    public async Task MigrateAsync_Twice_SecondAppliesNothing()
    {
        await MigrateAsync();
        Assert.That(await MigrateAsync(), Is.Zero);
        Assert.That(await Db.AdminAsync($"SELECT COUNT(*) FROM \"{Db.Schema}\".mfa_schema_version"), Is.EqualTo(PostgreSqlStoreSchema.LatestVersion));
    }

    [Test]
    public async Task MigrateAsync_EightServersAtOnce_MigrateOnceWithoutErrors()
    {
        // Eight data sources (eight pools), as eight app servers starting together; the advisory lock serializes them.
        var migrators = Enumerable.Range(0, 8).Select(_ => Task.Run(() => MigrateAsync()));

        var applied = await Task.WhenAll(migrators);

        Assert.That(applied.Sum(), Is.EqualTo(PostgreSqlStoreSchema.LatestVersion));
        Assert.That(await Db.AdminAsync($"SELECT COUNT(*) FROM \"{Db.Schema}\".mfa_schema_version"), Is.EqualTo(PostgreSqlStoreSchema.LatestVersion));
    }

    [Test]
    public async Task GetVersionAsync_EmptySchema_ReturnsZero()
    {
        Assert.That(await GetVersionAsync(), Is.Zero);
    }

    [Test]
    public async Task MigrateAsync_TablePrefix_LeavesTheDefaultPrefixUnmigrated()
    {
        await MigrateAsync(o => o.TablePrefix = "auth_");

        Assert.That(await Db.AdminAsync($"SELECT COUNT(*) FROM pg_tables WHERE schemaname = '{Db.Schema}' AND tablename LIKE 'auth\\_%'"), Is.EqualTo(8));
        Assert.That(await GetVersionAsync(), Is.Zero);
    }

    [TestCase("Public", Description = "uppercase")]
    [TestCase("x\"; DROP SCHEMA public; --", Description = "injection")]
    public void MigrateAsync_UnsafeSchemaName_Throws(string schema)
    {
        Assert.That(async () => await MigrateAsync(o => o.Schema = schema), Throws.ArgumentException);
    }

    [Test]
    public async Task EnsureReadyAsync_MigrationsOffOnEmptySchema_RefusesWithAnExplanation()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Db.OpenAsync(configure: o => o.RunMigrationsAtStartup = false));
        Assert.That(ex!.Message, Does.Contain("mfa store migrate --provider postgresql"));
    }

    [Test]
    public async Task EnsureReadyAsync_MigrationsOffAfterMigrate_Works()
    {
        await MigrateAsync();
        Assert.That(async () => await Db.OpenAsync(configure: o => o.RunMigrationsAtStartup = false), Throws.Nothing);
    }
}
