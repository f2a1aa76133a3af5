using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Specification.Service;
using Mfa.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Mfa.Storage.PostgreSql.Tests;

/// <summary>Store faults reach the host as <see cref="MfaFailureReason.StoreUnavailable"/> (queries: <see cref="MfaStoreException"/>), never as a driver exception, success or wrong code, and leave no partial write.</summary>
[TestFixture]
public sealed class PostgreSqlFaultTests
{
    private static readonly MfaUser s_alice = new("alice-id", "Alice");

    private PostgreSqlTestDatabase? _schema;
    private ServiceProvider? _server;

    private IMfaService Mfa => _server!.GetRequiredService<IMfaService>();

    private MfaUser Fresh => s_alice.JustVerified(_server!.GetRequiredService<TimeProvider>());

    [SetUp]
    public void SetUp()
    {
        _schema = new PostgreSqlTestDatabase();
        _server = Start(_schema!.ServerConnectionString);
    }

    [TearDown]
    public async Task TearDown()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_schema is not null)
        {
            await _schema!.DisposeAsync();
        }
    }

    private ServiceProvider Start(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        services.AddMfa(o =>
        {
            o.SecretKey = TestKeys.SecretKey;
            o.RecoveryCodeHashIterations = 1000;
        }).UsePostgreSql(connectionString, o =>
        {
            _schema!.Configure(o);
            o.ConnectionString = connectionString;
            o.CommandTimeout = TimeSpan.FromSeconds(1);
        });
        services.AddSingleton<IFactor, ProbeFactor>();
        return services.BuildServiceProvider();
    }

    /// <summary>Another server's open transaction that holds row locks until disposed.</summary>
    private async Task<NpgsqlTransaction> LockRowsAsync(string table, string userColumn)
    {
        var connection = new NpgsqlConnection(_schema!.ServerConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"SELECT 1 FROM \"{_schema!.Schema}\".mfa_{table} WHERE {userColumn} = @user FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("user", s_alice.Id);
        await command.ExecuteNonQueryAsync();
        return transaction;
    }

    private static async Task ReleaseAsync(NpgsqlTransaction transaction)
    {
        var connection = transaction.Connection!;
        await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private async Task<(string ChallengeId, ReadOnlyMemory<byte> Nonce)> BeginProbeAsync()
    {
        await ProbeFlow.EnrollAsync(Mfa, s_alice);
        return await ProbeFlow.BeginAsync(Mfa, s_alice);
    }

    [Test]
    public async Task GetStatusAsync_ServerUnreachable_ThrowsMfaStoreException()
    {
        await using var unreachable = Start("Host=127.0.0.1;Port=1;Username=postgres;Password=none;Timeout=2");
        Assert.That(
            async () => await unreachable.GetRequiredService<IMfaService>().GetStatusAsync(s_alice),
            Throws.TypeOf<MfaStoreException>().With.InnerException.InstanceOf<NpgsqlException>().And.Message.EqualTo("The MFA postgresql store is unavailable."));
    }

    [Test]
    public async Task CompleteChallengeAsync_ServerUnreachable_StoreUnavailable()
    {
        await using var unreachable = Start("Host=127.0.0.1;Port=1;Username=postgres;Password=none;Timeout=2");
        var mfa = unreachable.GetRequiredService<IMfaService>();
        Assert.That((await mfa.CompleteChallengeAsync(s_alice, "AAAAAAAAAAAAAAAAAAAAAA", MfaPurpose.SignIn, new ProbeChallengeResponse(new byte[16]))).FailureReason, Is.EqualTo(MfaFailureReason.StoreUnavailable));
    }

    [Test]
    public async Task BeginChallengeAsync_TableDroppedBehindTheStore_StoreUnavailableNotADriverException()
    {
        await ProbeFlow.EnrollAsync(Mfa, s_alice);
        await _schema!.AdminAsync($"DROP TABLE \"{_schema.Schema}\".mfa_challenges CASCADE");

        var begun = await Mfa.BeginChallengeAsync(s_alice, new ChallengeRequest(ProbeFactor.FactorKind, MfaPurpose.SignIn));

        Assert.That(begun.FailureReason, Is.EqualTo(MfaFailureReason.StoreUnavailable));
    }

    [Test]
    public async Task GetStatusAsync_TableDroppedBehindTheStore_MfaStoreExceptionNamingNoTable()
    {
        await ProbeFlow.EnrollAsync(Mfa, s_alice);
        await _schema!.AdminAsync($"DROP TABLE \"{_schema.Schema}\".mfa_authenticators CASCADE");

        Assert.That(
            async () => await Mfa.GetStatusAsync(s_alice),
            Throws.TypeOf<MfaStoreException>().With.InnerException.InstanceOf<PostgresException>()
                .And.Message.StartsWith("The MFA postgresql store refused a statement").And.Message.Not.Contains("mfa_"));
    }

    [Test]
    public async Task CompleteChallengeAsync_ChallengeRowLockedPastTheTimeout_StoreUnavailableAndConsumesNothing()
    {
        var (challengeId, nonce) = await BeginProbeAsync();
        var blocker = await LockRowsAsync("challenges", "user_id");

        Assert.That((await ProbeFlow.AnswerAsync(Mfa, s_alice, challengeId, nonce)).FailureReason, Is.EqualTo(MfaFailureReason.StoreUnavailable));

        await ReleaseAsync(blocker);
        var retried = await ProbeFlow.AnswerAsync(Mfa, s_alice, challengeId, nonce);
        Assert.That(retried.Succeeded, Is.True, "the timed-out attempt must not have consumed the challenge");
    }

    [Test]
    public async Task CompleteChallengeAsync_WriteBackTimesOutOnACounterRow_StoreUnavailableAndWritesNothingOfIt()
    {
        // The write-back is one statement (last use, counter resets): when its DELETE of the authenticator's counter waits
        // on another server's lock past the timeout, the whole statement rolls back, so the record keeps no last use and the
        // counters stay as they were.
        var authenticatorId = await ProbeFlow.EnrollAsync(Mfa, s_alice);
        var (wrong, _) = await ProbeFlow.BeginAsync(Mfa, s_alice);
        Assert.That((await ProbeFlow.AnswerAsync(Mfa, s_alice, wrong, new byte[16])).Succeeded, Is.False);
        var (challengeId, nonce) = await ProbeFlow.BeginAsync(Mfa, s_alice);
        var connection = new NpgsqlConnection(_schema!.ServerConnectionString);
        await connection.OpenAsync();
        var blocker = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand($"SELECT 1 FROM \"{_schema!.Schema}\".mfa_attempt_counters WHERE counter_key = @key FOR UPDATE", connection, blocker))
        {
            command.Parameters.AddWithValue("key", "authenticator:" + authenticatorId);
            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(1));
        }

        var outcome = await ProbeFlow.AnswerAsync(Mfa, s_alice, challengeId, nonce);
        Assert.That(outcome.FailureReason, Is.EqualTo(MfaFailureReason.StoreUnavailable));

        await ReleaseAsync(blocker);
        var status = await Mfa.GetStatusAsync(s_alice);
        Assert.That(status.Authenticators.Single().LastUsedAt, Is.Null);
        Assert.That(await _schema.AdminAsync($"SELECT failures FROM \"{_schema.Schema}\".mfa_attempt_counters WHERE counter_key = 'authenticator:{authenticatorId}'"), Is.EqualTo(1));
    }

    public async Task GenerateRecoveryCodesAsync_SetRowLockedPastTheTimeout_StoreUnavailableAndKeepsTheOldSet()
    {
        var old = await Mfa.GenerateRecoveryCodesAsync(s_alice);
        var blocker = await LockRowsAsync("recovery_code_sets", "user_id");

        Assert.That((await Mfa.GenerateRecoveryCodesAsync(Fresh)).FailureReason, Is.EqualTo(MfaFailureReason.StoreUnavailable));

        await ReleaseAsync(blocker);
        Assert.That((await Mfa.GetStatusAsync(s_alice)).RecoveryCodesRemaining, Is.EqualTo(old.Codes.Count));
        Assert.That((await Mfa.RedeemRecoveryCodeAsync(s_alice, old.Codes[0], MfaPurpose.SignIn)).Succeeded, Is.True);
    }

    [Test]
    public async Task GenerateRecoveryCodesAsync_TimeoutHalfWay_LeavesNoPartialSet()
    {
        // The new salt is written, then the statement deleting the old codes waits on a locked code row and times out:
        // the transaction rolls back, so the old salt and every old code remain.
        var old = await Mfa.GenerateRecoveryCodesAsync(s_alice);
        var blocker = await LockRowsAsync("recovery_codes", "user_id");

        Assert.That((await Mfa.GenerateRecoveryCodesAsync(Fresh)).FailureReason, Is.EqualTo(MfaFailureReason.StoreUnavailable));

        await ReleaseAsync(blocker);
        Assert.That((await Mfa.GetStatusAsync(s_alice)).RecoveryCodesRemaining, Is.EqualTo(old.Codes.Count));
        Assert.That((await Mfa.RedeemRecoveryCodeAsync(s_alice, old.Codes[^1], MfaPurpose.SignIn)).Succeeded, Is.True);
    }

    [Test]
    public async Task RedeemRecoveryCodeAsync_StatementTimesOut_StoreUnavailable()
    {
        var codes = await Mfa.GenerateRecoveryCodesAsync(s_alice);
        var blocker = await LockRowsAsync("recovery_codes", "user_id");

        Assert.That((await Mfa.RedeemRecoveryCodeAsync(s_alice, codes.Codes[0], MfaPurpose.SignIn)).FailureReason, Is.EqualTo(MfaFailureReason.StoreUnavailable));

        await ReleaseAsync(blocker);
        Assert.That((await Mfa.RedeemRecoveryCodeAsync(s_alice, codes.Codes[0], MfaPurpose.SignIn)).Succeeded, Is.True);
    }

    [Test]
    public async Task CompleteChallengeAsync_BackendTerminatedMidSession_StoreUnavailableThenTheSameAnswerSucceedsOnce()
    {
        var application = "mfa-fault-" + Guid.NewGuid().ToString("N")[..12];
        await using var server = Start(_schema!.ServerConnectionString + ";Application Name=" + application);
        var mfa = server.GetRequiredService<IMfaService>();
        await ProbeFlow.EnrollAsync(mfa, s_alice);
        var (challengeId, nonce) = await ProbeFlow.BeginAsync(mfa, s_alice);

        await TerminateBackendsAsync(application);

        var faulted = await ProbeFlow.AnswerAsync(mfa, s_alice, challengeId, nonce);
        var retried = await ProbeFlow.AnswerAsync(mfa, s_alice, challengeId, nonce);
        var again = await ProbeFlow.AnswerAsync(mfa, s_alice, challengeId, nonce);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(faulted.FailureReason, Is.EqualTo(MfaFailureReason.StoreUnavailable));
            Assert.That(retried.Succeeded, Is.True, retried.ToString());
            Assert.That(again.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
        }
    }

    [Test]
    public async Task BeginChallengeAsync_BackendTerminatedMidSession_StoreUnavailableThenTheNextBeginSucceeds()
    {
        // Found by the fault soak (scripts/soak.sh): the begin's one read (the user's throttle and authenticators) ran on a
        // pooled connection whose backend was gone, and Npgsql's PostgresException (57P01) escaped to the caller.
        var application = "mfa-fault-" + Guid.NewGuid().ToString("N")[..12];
        await using var server = Start(_schema!.ServerConnectionString + ";Application Name=" + application);
        var mfa = server.GetRequiredService<IMfaService>();
        await ProbeFlow.EnrollAsync(mfa, s_alice);
        await ProbeFlow.BeginAsync(mfa, s_alice);

        await TerminateBackendsAsync(application);

        var faulted = await mfa.BeginChallengeAsync(s_alice, new ChallengeRequest(ProbeFactor.FactorKind, MfaPurpose.SignIn));
        var next = await mfa.BeginChallengeAsync(s_alice, new ChallengeRequest(ProbeFactor.FactorKind, MfaPurpose.SignIn));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(faulted.FailureReason, Is.EqualTo(MfaFailureReason.StoreUnavailable));
            Assert.That(next.Succeeded, Is.True, next.Message);
        }
    }

    /// <summary>Terminates every backend of one application's pool (57P01), as an administrator or a failover would.</summary>
    private async Task TerminateBackendsAsync(string application)
    {
        await using var admin = new NpgsqlConnection(_schema!.ServerConnectionString);
        await admin.OpenAsync();
        await using var kill = new NpgsqlCommand("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @app", admin);
        kill.Parameters.AddWithValue("app", application);
        Assert.That(Convert.ToInt64(await kill.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0));
    }
}
