using Mfa.Core.Factors;
using Mfa.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Core.Tests.Service;

/// <summary>
/// <see cref="ICounterFactor"/>: the service hands a counter factor each candidate's last accepted replay-guard step
/// (an HOTP token's counter) when a challenge completes, and hands other factors nothing (no extra store read).
/// </summary>
[TestFixture]
public sealed class MfaServiceCounterFactorTests
{
    private CounterCodeFactor _counter = null!;
    private MfaHarness _mfa = null!;

    [SetUp]
    public void SetUp()
    {
        _counter = new CounterCodeFactor(new CodeFactor(CounterCodeFactor.FactorKind));
        _mfa = new MfaHarness(services: s => s.AddSingleton<IFactor>(_counter));
    }

    [TearDown]
    public void TearDown() => _mfa.Dispose();

    [Test]
    public async Task CompleteChallengeAsync_CounterFactor_SeesEachCandidatesLastAcceptedStep()
    {
        _counter.Inner.InitialReplayStep = 41;
        var first = await _mfa.EnrollAsync(MfaHarness.Alice, "Token", CounterCodeFactor.FactorKind);
        _counter.Inner.InitialReplayStep = null;
        var second = await _mfa.EnrollAsync(MfaHarness.Alice, "Other token", CounterCodeFactor.FactorKind);
        var (id, code) = await _mfa.BeginAsync(MfaHarness.Alice, kind: CounterCodeFactor.FactorKind);

        var result = await _mfa.CompleteAsync(MfaHarness.Alice, id, code, kind: CounterCodeFactor.FactorKind);

        Assert.That(result.Succeeded, Is.True, result.ToString());
        var completed = _counter.Inner.ChallengeContexts.Last();
        Assert.That(completed.LastReplaySteps, Is.EquivalentTo(new Dictionary<string, long> { [first] = 41 }));
        Assert.That(completed.LastReplaySteps.ContainsKey(second), Is.False);
    }

    [Test]
    public async Task CompleteChallengeAsync_OtherFactor_GetsNoReplaySteps()
    {
        _mfa.Factor.InitialReplayStep = 41;
        await _mfa.EnrollAsync(MfaHarness.Alice);

        var result = await _mfa.PassAsync(MfaHarness.Alice);

        Assert.That(result.Succeeded, Is.True, result.ToString());
        Assert.That(_mfa.Factor.ChallengeContexts.Last().LastReplaySteps, Is.Empty);
    }
}
