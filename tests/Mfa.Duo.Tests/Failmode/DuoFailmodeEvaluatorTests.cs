using Mfa.Core;
using Mfa.Duo.Emulator.Scripting;
using Mfa.Duo.Failmode;
using Mfa.Duo.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mfa.Duo.Tests.Failmode;

[TestFixture]
public sealed class DuoFailmodeEvaluatorTests
{
    private static DuoFailmodeEvaluator Evaluator(DuoFailmode failmode) =>
        new(Options.Create(new DuoOptions { Failmode = failmode }), NullLogger<DuoFailmodeEvaluator>.Instance);

    [TestCase(DuoFailureKind.Unreachable)]
    [TestCase(DuoFailureKind.Timeout)]
    [TestCase(DuoFailureKind.ServerError)]
    [TestCase(DuoFailureKind.RateLimited)]
    public void Evaluate_UnavailableAndClosed_Deny(DuoFailureKind failure)
    {
        var decision = Evaluator(DuoFailmode.Closed).Evaluate(failure, "alice");
        Assert.Multiple(() =>
        {
            Assert.That(decision.Outcome, Is.EqualTo(DuoFailmodeOutcome.Deny));
            Assert.That(decision.DuoBypassed, Is.False);
            Assert.That(decision.FailureReason, Is.EqualTo(MfaFailureReason.DuoUnavailable));
        });
    }

    [TestCase(DuoFailureKind.Unreachable)]
    [TestCase(DuoFailureKind.Timeout)]
    [TestCase(DuoFailureKind.ServerError)]
    [TestCase(DuoFailureKind.RateLimited)]
    public void Evaluate_UnavailableAndOpen_AllowWithoutDuo(DuoFailureKind failure)
    {
        var decision = Evaluator(DuoFailmode.Open).Evaluate(failure, "alice");
        Assert.Multiple(() =>
        {
            Assert.That(decision.Outcome, Is.EqualTo(DuoFailmodeOutcome.AllowWithoutDuo));
            Assert.That(decision.DuoBypassed, Is.True);
            Assert.That(decision.FailureReason, Is.EqualTo(MfaFailureReason.None));
        });
    }

    [TestCase(DuoFailureKind.Rejected)]
    [TestCase(DuoFailureKind.MalformedResponse)]
    [TestCase(DuoFailureKind.WrongContentType)]
    [TestCase(DuoFailureKind.ResponseTooLarge)]
    [TestCase(DuoFailureKind.InvalidIdToken)]
    [TestCase(DuoFailureKind.NotAllowed)]
    public void Evaluate_DuoAnsweredAndOpen_StillDeny(DuoFailureKind failure)
    {
        var decision = Evaluator(DuoFailmode.Open).Evaluate(failure, "alice");
        Assert.Multiple(() =>
        {
            Assert.That(decision.Outcome, Is.EqualTo(DuoFailmodeOutcome.Deny));
            Assert.That(decision.FailureReason, Is.EqualTo(MfaFailureReason.RemoteFailure));
        });
    }

    [TestCase(DuoFailmode.Open)]
    [TestCase(DuoFailmode.Closed)]
    public void Evaluate_NoFailure_UseDuo(DuoFailmode failmode) =>
        Assert.That(Evaluator(failmode).Evaluate(DuoFailureKind.None, "alice").Outcome, Is.EqualTo(DuoFailmodeOutcome.UseDuo));

    [TestCase(DuoFailmode.Closed, DuoFailmodeOutcome.Deny)]
    [TestCase(DuoFailmode.Open, DuoFailmodeOutcome.AllowWithoutDuo)]
    public async Task Evaluate_EmulatorDownBeforeRedirect_FollowsTheFailmode(DuoFailmode failmode, DuoFailmodeOutcome expected)
    {
        await using var host = await DuoTestHost.StartAsync(o => o.Failmode = failmode);
        host.Duo.Outage = DuoEmulatorOutage.ServerError;
        var universal = host.Failmode.Evaluate(await host.Universal.HealthCheckAsync(), "alice");
        var authApi = host.Failmode.Evaluate((await host.AuthApi.PreauthAsync("alice")).Failure, "alice");
        Assert.Multiple(() =>
        {
            Assert.That(universal.Outcome, Is.EqualTo(expected));
            Assert.That(authApi.Outcome, Is.EqualTo(expected), "applied the same way in both flows");
        });
    }

    [Test]
    public async Task Evaluate_WrongSecretAndOpen_DenyBecauseDuoRejectedUs()
    {
        await using var host = await DuoTestHost.StartAsync(o =>
        {
            o.Failmode = DuoFailmode.Open;
            o.ClientSecret = new string('w', 40);
        });
        var decision = host.Failmode.Evaluate(await host.Universal.HealthCheckAsync(), "alice");
        Assert.That(decision.Outcome, Is.EqualTo(DuoFailmodeOutcome.Deny));
    }

    [Test]
    public async Task Evaluate_HealthyAndOpen_UseDuo()
    {
        await using var host = await DuoTestHost.StartAsync(o => o.Failmode = DuoFailmode.Open);
        var decision = host.Failmode.Evaluate(await host.Universal.HealthCheckAsync(), "alice");
        Assert.That(decision.Outcome, Is.EqualTo(DuoFailmodeOutcome.UseDuo));
    }
}
