using Mfa.Core;
using Mfa.Duo.Emulator;
using Mfa.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Duo.Tests.Factor;

/// <summary>
/// Two app servers share one SQLite file (the durable-store pattern of Mfa.Specification; the second server unpooled):
/// a Duo callback or poll is consumed once across both, whichever server the browser reaches.
/// </summary>
[TestFixture]
public sealed class TwoServerReplayTests
{
    private string _folder = null!;
    private ManualTimeProvider _time = null!;
    private DuoEmulator _duo = null!;
    private DuoFactorHost _serverA = null!;
    private DuoFactorHost _serverB = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "mfa-duo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "mfa.db");
        _time = new ManualTimeProvider(DuoTestHost.Start);
        _duo = await DuoEmulator.StartAsync(new DuoEmulatorOptions { TimeProvider = _time });
        _duo.AddUser("alice").WithPasscode("123456");
        _serverA = DuoFactorHost.Create(_time, _duo, ownsEmulator: false, null, b => b.UseSqlite(new SqliteConnectionStringBuilder { DataSource = file }.ConnectionString));
        _serverB = DuoFactorHost.Create(_time, _duo, ownsEmulator: false, null, b => b.UseSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString));
        await _serverA.EnrollAsync(DuoFactorHost.Alice);
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await _serverA.DisposeAsync();
        await _serverB.DisposeAsync();
        await _duo.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left to the temp folder's cleanup.
        }
    }

    [Test]
    public async Task CompleteChallengeAsync_CallbackReplayedOnTheOtherServer_ChallengeAlreadyUsed()
    {
        var start = await _serverA.BeginAsync(DuoChallengeMode.UniversalPrompt);
        var callback = await DuoTestHost.BrowseAsync(start.Prompt!.AuthorizationUrl!);

        var onB = await _serverB.CompleteAsync(start.ChallengeId!, DuoCallbackResponse.From(callback));
        var replayOnA = await _serverA.CompleteAsync(start.ChallengeId!, DuoCallbackResponse.From(callback));
        var replayOnB = await _serverB.CompleteAsync(start.ChallengeId!, DuoCallbackResponse.From(callback));

        Assert.Multiple(() =>
        {
            Assert.That(onB.Succeeded, Is.True, "a challenge begun on A completes on B: " + onB);
            Assert.That(replayOnA.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
            Assert.That(replayOnB.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
        });
    }

    [Test]
    public async Task CompleteChallengeAsync_StateOfAChallengeOnTheOtherServer_ChallengeMismatch()
    {
        var onA = await _serverA.BeginAsync(DuoChallengeMode.UniversalPrompt);
        var onB = await _serverB.BeginAsync(DuoChallengeMode.UniversalPrompt);
        var callbackOfB = await DuoTestHost.BrowseAsync(onB.Prompt!.AuthorizationUrl!);

        var crossed = await _serverB.CompleteAsync(onA.ChallengeId!, DuoCallbackResponse.From(callbackOfB));
        var rightful = await _serverA.CompleteAsync(onB.ChallengeId!, DuoCallbackResponse.From(callbackOfB));

        Assert.Multiple(() =>
        {
            Assert.That(crossed.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
            Assert.That(rightful.Succeeded, Is.True, rightful.ToString());
        });
    }

    [Test]
    public async Task CompleteChallengeAsync_PushPolledOnBothServers_ConsumedOnce()
    {
        var start = await _serverA.BeginAsync(DuoChallengeMode.Push);

        var (result, _) = await _serverB.PollAsync(start.ChallengeId!);
        var again = await _serverA.CompleteAsync(start.ChallengeId!, new DuoPollResponse());

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, result.ToString());
            Assert.That(again.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
        });
    }
}
