using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Specification.Service;
using Mfa.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Storage.Sqlite.Tests;

/// <summary>Store faults reach the host as <see cref="MfaFailureReason.StoreUnavailable"/> (queries: <see cref="MfaStoreException"/>), never as a driver exception, success or wrong code, and leave no partial write.</summary>
[TestFixture]
public sealed class SqliteFaultTests
{
    private static readonly MfaUser s_alice = new("alice-id", "Alice");

    private SqliteTestDatabase _file = null!;
    private ServiceProvider _server = null!;

    private IMfaService Mfa => _server.GetRequiredService<IMfaService>();

    [SetUp]
    public void SetUp()
    {
        _file = new SqliteTestDatabase();
        _server = Start(_file.ConnectionString());
    }

    [TearDown]
    public async Task TearDown()
    {
        await _server.DisposeAsync();
        await _file.DisposeAsync();
    }

    private static ServiceProvider Start(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        services.AddMfa(o =>
        {
            o.SecretKey = TestKeys.SecretKey;
            o.RecoveryCodeHashIterations = 1000;
        }).UseSqlite(connectionString, o => o.CommandTimeout = TimeSpan.FromSeconds(1));
        services.AddSingleton<IFactor, ProbeFactor>();
        return services.BuildServiceProvider();
    }

    /// <summary>Another process's connection holding the write lock until disposed.</summary>
    private async Task<SqliteTransaction> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection(_file.ConnectionString(pooling: false));
        await connection.OpenAsync();
        return connection.BeginTransaction(deferred: false);
    }

    private async Task<(string ChallengeId, ReadOnlyMemory<byte> Nonce)> BeginProbeAsync()
    {
        await ProbeFlow.EnrollAsync(Mfa, s_alice);
        return await ProbeFlow.BeginAsync(Mfa, s_alice);
    }

    [Test]
    public async Task GetStatusAsync_DatabaseCannotBeOpened_ThrowsMfaStoreException()
    {
        await using var unreachable = Start("Data Source=" + Path.Combine(_file.Folder, "missing-folder", "mfa.db") + ";Mode=ReadWrite");
        Assert.That(
            async () => await unreachable.GetRequiredService<IMfaService>().GetStatusAsync(s_alice),
            Throws.TypeOf<MfaStoreException>().With.InnerException.InstanceOf<SqliteException>().And.Message.EqualTo("The MFA sqlite store is unavailable."));
    }

    [Test]
    public async Task CompleteChallengeAsync_DatabaseCannotBeOpened_StoreUnavailable()
    {
        await using var unreachable = Start("Data Source=" + Path.Combine(_file.Folder, "missing-folder", "mfa.db") + ";Mode=ReadWrite");
        var mfa = unreachable.GetRequiredService<IMfaService>();
        var result = await mfa.CompleteChallengeAsync(s_alice, "AAAAAAAAAAAAAAAAAAAAAA", MfaPurpose.SignIn, new ProbeChallengeResponse(new byte[16]));
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.StoreUnavailable));
    }

    [Test]
    public async Task BeginChallengeAsync_TableDroppedBehindTheStore_StoreUnavailableNotADriverException()
    {
        await ProbeFlow.EnrollAsync(Mfa, s_alice);
        await DropTableAsync("challenges");

        var begun = await Mfa.BeginChallengeAsync(s_alice, new ChallengeRequest(ProbeFactor.FactorKind, MfaPurpose.SignIn));

        Assert.That(begun.FailureReason, Is.EqualTo(MfaFailureReason.StoreUnavailable));
    }

    [Test]
    public async Task GetStatusAsync_TableDroppedBehindTheStore_MfaStoreExceptionNamingNoTable()
    {
        await ProbeFlow.EnrollAsync(Mfa, s_alice);
        await DropTableAsync("authenticators");

        Assert.That(
            async () => await Mfa.GetStatusAsync(s_alice),
            Throws.TypeOf<MfaStoreException>().With.InnerException.InstanceOf<SqliteException>()
                .And.Message.StartsWith("The MFA sqlite store refused a statement").And.Message.Not.Contains("mfa_"));
    }

    private async Task DropTableAsync(string table)
    {
        await using var connection = new SqliteConnection(_file.ConnectionString(pooling: false));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA foreign_keys = OFF; DROP TABLE \"mfa_{table}\";";
        await command.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task CompleteChallengeAsync_WriteLockHeldPastTheTimeout_StoreUnavailableAndConsumesNothing()
    {
        var (challengeId, nonce) = await BeginProbeAsync();
        var blocker = await HoldWriteLockAsync();

        var faulted = await ProbeFlow.AnswerAsync(Mfa, s_alice, challengeId, nonce);
        Assert.That(faulted.FailureReason, Is.EqualTo(MfaFailureReason.StoreUnavailable));

        var connection = blocker.Connection!;
        await blocker.DisposeAsync();
        await connection.DisposeAsync();
        var retried = await ProbeFlow.AnswerAsync(Mfa, s_alice, challengeId, nonce);
        Assert.That(retried.Succeeded, Is.True, "the timed-out attempt must not have consumed the challenge");
    }

    [Test]
    public async Task GenerateRecoveryCodesAsync_WriteLockHeldPastTheTimeout_StoreUnavailableAndKeepsTheOldSet()
    {
        var old = await Mfa.GenerateRecoveryCodesAsync(s_alice);
        var blocker = await HoldWriteLockAsync();

        var faulted = await Mfa.GenerateRecoveryCodesAsync(s_alice.JustVerified(_server.GetRequiredService<TimeProvider>()));
        Assert.That(faulted.FailureReason, Is.EqualTo(MfaFailureReason.StoreUnavailable));
        Assert.That(faulted.Codes, Is.Empty);

        var connection = blocker.Connection!;
        await blocker.DisposeAsync();
        await connection.DisposeAsync();
        Assert.That((await Mfa.GetStatusAsync(s_alice)).RecoveryCodesRemaining, Is.EqualTo(old.Codes.Count));
        Assert.That((await Mfa.RedeemRecoveryCodeAsync(s_alice, old.Codes[0], MfaPurpose.SignIn)).Succeeded, Is.True);
    }
}
