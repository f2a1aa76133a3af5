using Mfa.Core.Storage;
using Mfa.Storage.Relational;
using Mfa.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Storage.Sqlite.Tests;

[TestFixture]
public sealed class SqliteMfaBuilderExtensionsTests
{
    private SqliteTestDatabase _file = null!;

    [SetUp]
    public void SetUp() => _file = new SqliteTestDatabase();

    [TearDown]
    public async Task TearDown() => await _file.DisposeAsync();

    private ServiceProvider Build(Action<SqliteStoreOptions>? configure = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time ?? new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseSqlite(_file.ConnectionString(), configure);
        return services.BuildServiceProvider();
    }

    [Test]
    public async Task UseSqlite_EveryStore_IsTheSqlStore()
    {
        await using var provider = Build();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(provider.GetRequiredService<IAuthenticatorStore>(), Is.TypeOf<RelationalAuthenticatorStore>());
            Assert.That(provider.GetRequiredService<IChallengeStore>(), Is.TypeOf<RelationalChallengeStore>());
            Assert.That(provider.GetRequiredService<IReplayGuardStore>(), Is.TypeOf<RelationalReplayGuardStore>());
            Assert.That(provider.GetRequiredService<IAttemptCounterStore>(), Is.TypeOf<RelationalAttemptCounterStore>());
            Assert.That(provider.GetRequiredService<IRecoveryCodeStore>(), Is.TypeOf<RelationalRecoveryCodeStore>());
            Assert.That(provider.GetRequiredService<IUserSettingsStore>(), Is.TypeOf<RelationalUserSettingsStore>());
        }
    }

    [Test]
    public async Task UseSqlite_AfterInMemoryStores_ReplacesThem()
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores().UseSqlite(_file.ConnectionString());
        await using var provider = services.BuildServiceProvider();
        Assert.That(provider.GetRequiredService<IChallengeStore>(), Is.TypeOf<RelationalChallengeStore>());
    }

    [Test]
    public void UseSqlite_EmptyConnectionString_Throws()
    {
        var builder = new ServiceCollection().AddMfa();
        Assert.That(() => builder.UseSqlite(" "), Throws.ArgumentException);
    }

    [TestCase("Mfa_", Description = "uppercase")]
    [TestCase("mfa\"", Description = "quote")]
    [TestCase("1mfa", Description = "leading digit")]
    public async Task UseSqlite_UnsafeTablePrefix_FailsValidation(string prefix)
    {
        await using var provider = Build(o => o.TablePrefix = prefix);
        Assert.That(() => provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value, Throws.InstanceOf<OptionsValidationException>());
    }

    [Test]
    public async Task UseSqlite_CommandTimeoutOutOfRange_FailsValidation()
    {
        await using var provider = Build(o => o.CommandTimeout = TimeSpan.FromMilliseconds(10));
        Assert.That(() => provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value, Throws.InstanceOf<OptionsValidationException>());
    }

    [Test]
    public async Task UseSqlite_SweepIntervalZero_IsValid()
    {
        await using var provider = Build(o => o.SweepInterval = TimeSpan.Zero);
        Assert.That(provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value.SweepInterval, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public async Task StartAsync_HostStarts_MigratesTheSchema()
    {
        await using var provider = Build();
        var hosted = provider.GetServices<IHostedService>().OfType<RelationalStoreMaintenance>().Single();

        await hosted.StartAsync(CancellationToken.None);
        await hosted.StopAsync(CancellationToken.None);

        Assert.That(await SqliteStoreSchema.GetVersionAsync(_file.ConnectionString()), Is.EqualTo(SqliteStoreSchema.LatestVersion));
    }

    [Test]
    public async Task StartAsync_MigrationsOffAndNoSchema_FailsStartUp()
    {
        await using var provider = Build(o => o.RunMigrationsAtStartup = false);
        var hosted = provider.GetServices<IHostedService>().OfType<RelationalStoreMaintenance>().Single();
        Assert.That(async () => await hosted.StartAsync(CancellationToken.None), Throws.InvalidOperationException);
    }

    [Test]
    public async Task SweepOnceAsync_ExpiredRows_DeletesOnlyThem()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var provider = Build(time: time);
        var challenges = provider.GetRequiredService<IChallengeStore>();
        var counters = provider.GetRequiredService<IAttemptCounterStore>();
        PendingChallenge Challenge(string id, TimeSpan lifetime) => new()
        {
            Id = id,
            Binding = new ChallengeBinding("alice", "totp", null, "sign-in"),
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = time.GetUtcNow() + lifetime,
            State = new byte[] { 1 },
        };
        await challenges.CreateAsync(Challenge("short", TimeSpan.FromMinutes(1)));
        await challenges.CreateAsync(Challenge("long", TimeSpan.FromHours(1)));
        await counters.IncrementAsync("user:windowed", time.GetUtcNow(), TimeSpan.FromMinutes(5));
        await counters.IncrementAsync("authenticator:permanent", time.GetUtcNow(), window: null);
        time.Advance(TimeSpan.FromMinutes(10));

        var swept = await provider.GetServices<IHostedService>().OfType<RelationalStoreMaintenance>().Single().SweepOnceAsync(CancellationToken.None);

        Assert.That(swept, Is.EqualTo((1, 1)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await challenges.FindAsync("short"), Is.Null);
            Assert.That(await challenges.FindAsync("long"), Is.Not.Null);
            Assert.That((await counters.GetAsync("user:windowed")).Count, Is.Zero);
            Assert.That((await counters.GetAsync("authenticator:permanent")).Count, Is.EqualTo(1));
        }
    }
}
