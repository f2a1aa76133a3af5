using Mfa.Core;
using Mfa.Duo.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Duo.Tests.Factor;

/// <summary>
/// Two app servers (two DI containers, each with its own connection pool) share one durable store: a Duo callback or
/// poll is consumed once across both, whichever server the browser reaches. Each store inherits this fixture.
/// </summary>
public abstract class TwoServerReplayTests
{
    private FakeTimeProvider _time = null!;
    private DuoEmulator _duo = null!;
    private DuoFactorHost? _serverA;
    private DuoFactorHost _serverB = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        var (serverA, serverB) = await CreateStoresAsync();
        _time = new FakeTimeProvider(DuoTestHost.Start);
        _duo = await DuoEmulator.StartAsync(new DuoEmulatorOptions { TimeProvider = _time });
        _duo.AddUser("alice").WithPasscode("123456");
        _serverA = DuoFactorHost.Create(_time, _duo, ownsEmulator: false, null, serverA);
        _serverB = DuoFactorHost.Create(_time, _duo, ownsEmulator: false, null, serverB);
        await _serverA!.EnrollAsync(DuoFactorHost.Alice);
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        // Null when set-up stopped early (a PostgreSQL test ignored without a server).
        if (_serverA is not null)
        {
            await _serverA.DisposeAsync();
            await _serverB.DisposeAsync();
            await _duo.DisposeAsync();
        }

        await DropStoreAsync();
    }

    /// <summary>Creates the shared store; returns how each server wires it.</summary>
    protected abstract Task<(Action<IMfaBuilder> ServerA, Action<IMfaBuilder> ServerB)> CreateStoresAsync();

    /// <summary>Removes the shared store.</summary>
    protected abstract Task DropStoreAsync();

    [Test]
    public async Task CompleteChallengeAsync_CallbackReplayedOnTheOtherServer_ChallengeAlreadyUsed()
    {
        var start = await _serverA!.BeginAsync(DuoChallengeMode.UniversalPrompt);
        var callback = await DuoTestHost.BrowseAsync(start.Prompt!.AuthorizationUrl!);

        var onB = await _serverB.CompleteAsync(start.ChallengeId!, DuoCallbackResponse.From(callback));
        var replayOnA = await _serverA!.CompleteAsync(start.ChallengeId!, DuoCallbackResponse.From(callback));
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
        var onA = await _serverA!.BeginAsync(DuoChallengeMode.UniversalPrompt);
        var onB = await _serverB.BeginAsync(DuoChallengeMode.UniversalPrompt);
        var callbackOfB = await DuoTestHost.BrowseAsync(onB.Prompt!.AuthorizationUrl!);

        var crossed = await _serverB.CompleteAsync(onA.ChallengeId!, DuoCallbackResponse.From(callbackOfB));
        var rightful = await _serverA!.CompleteAsync(onB.ChallengeId!, DuoCallbackResponse.From(callbackOfB));

        Assert.Multiple(() =>
        {
            Assert.That(crossed.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
            Assert.That(rightful.Succeeded, Is.True, rightful.ToString());
        });
    }

    [Test]
    public async Task CompleteChallengeAsync_PushPolledOnBothServers_ConsumedOnce()
    {
        var start = await _serverA!.BeginAsync(DuoChallengeMode.Push);

        var (result, _) = await _serverB.PollAsync(start.ChallengeId!);
        var again = await _serverA!.CompleteAsync(start.ChallengeId!, new DuoPollResponse());

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, result.ToString());
            Assert.That(again.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
        });
    }
}
