using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Mfa.Core.Diagnostics;
using Mfa.Core.Factors;
using Mfa.Core.Tests.Fakes;

namespace Mfa.Core.Tests.Diagnostics;

/// <summary>The "Mfa.Sdk" meter's counters and activity source's spans, and that none of their tags carries a secret.</summary>
[TestFixture]
public sealed class MfaInstrumentationTests
{
    private readonly ConcurrentQueue<(string Name, long Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();
    private readonly ConcurrentQueue<Activity> _activities = new();
    private MeterListener _meterListener = null!;
    private ActivityListener _activityListener = null!;
    private MfaHarness _mfa = null!;

    [SetUp]
    public void SetUp()
    {
        _measurements.Clear();
        _activities.Clear();
        _mfa = new MfaHarness();
        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MfaTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _meterListener.Start();
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MfaTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activityListener);
    }

    [TearDown]
    public void TearDown()
    {
        _meterListener.Dispose();
        _activityListener.Dispose();
        _mfa.Dispose();
    }

    [Test]
    public async Task Begun_ChallengeBegun_CountedWithFactor()
    {
        await _mfa.EnrollAsync(MfaHarness.Alice);

        await _mfa.BeginAsync(MfaHarness.Alice);

        Assert.That(Count("mfa.challenges.begun", ("mfa.factor", CodeFactor.DefaultKind)), Is.EqualTo(1));
    }

    [Test]
    public async Task Succeeded_ChallengePassed_CountedWithFactor()
    {
        await _mfa.EnrollAsync(MfaHarness.Alice);

        await _mfa.PassAsync(MfaHarness.Alice);

        Assert.That(Count("mfa.challenges.succeeded", ("mfa.factor", CodeFactor.DefaultKind)), Is.EqualTo(1));
        Assert.That(Count("mfa.challenges.failed"), Is.Zero);
    }

    [Test]
    public async Task Failed_WrongCode_CountedWithFailureCode()
    {
        await _mfa.EnrollAsync(MfaHarness.Alice);

        await _mfa.FailAsync(MfaHarness.Alice);

        Assert.That(Count("mfa.challenges.failed", ("mfa.factor", CodeFactor.DefaultKind), ("mfa.failure", nameof(MfaFailureReason.InvalidCode))), Is.EqualTo(1));
    }

    [Test]
    public async Task Failed_UnknownChallenge_CountedWithItsFailureCode()
    {
        await _mfa.EnrollAsync(MfaHarness.Alice);

        await _mfa.CompleteAsync(MfaHarness.Alice, "AAAAAAAAAAAAAAAAAAAAAA", CodeFactor.NewCode());

        Assert.That(Count("mfa.challenges.failed", ("mfa.failure", nameof(MfaFailureReason.ChallengeNotFound))), Is.EqualTo(1));
    }

    [Test]
    public async Task Lockout_ThrottledAttempt_Counted()
    {
        await _mfa.EnrollAsync(MfaHarness.Alice);
        for (var i = 0; i < 5; i++)
        {
            await _mfa.FailAsync(MfaHarness.Alice);
        }

        await _mfa.Service.BeginChallengeAsync(MfaHarness.Alice, new ChallengeRequest(CodeFactor.DefaultKind, MfaPurpose.SignIn));

        Assert.That(Count("mfa.lockouts", ("mfa.factor", CodeFactor.DefaultKind)), Is.EqualTo(1));
    }

    [Test]
    public async Task Lockout_AuthenticatorReachesHardLock_Counted()
    {
        _mfa.Dispose();
        _mfa = new MfaHarness(o => o.HardLockThreshold = 2);
        var id = await _mfa.EnrollAsync(MfaHarness.Alice);

        await _mfa.FailAsync(MfaHarness.Alice, id);
        await _mfa.FailAsync(MfaHarness.Alice, id);

        Assert.That(Count("mfa.lockouts"), Is.EqualTo(1));
    }

    [Test]
    public async Task Meter_Counters_AreTheFourDocumentedOnes()
    {
        await SecretScenario.RunAsync(_mfa);

        Assert.That(_measurements.Select(m => m.Name).Distinct(), Is.EquivalentTo(new[] { "mfa.challenges.begun", "mfa.challenges.succeeded", "mfa.challenges.failed", "mfa.lockouts" }));
    }

    [Test]
    public async Task ActivitySource_ChallengeBegunAndCompleted_SpansWithFactorTag()
    {
        await _mfa.EnrollAsync(MfaHarness.Alice);

        await _mfa.PassAsync(MfaHarness.Alice);

        var spans = _activities.ToList();
        Assert.That(spans.Select(a => a.OperationName), Is.EqualTo(new[] { "mfa.challenge.begin", "mfa.challenge.complete" }));
        Assert.That(spans.Select(a => a.GetTagItem("mfa.factor")), Has.All.EqualTo(CodeFactor.DefaultKind));
        Assert.That(spans[1].GetTagItem("mfa.failure"), Is.Null);
    }

    [Test]
    public async Task ActivitySource_FailedCompletion_SpanCarriesTheFailureCode()
    {
        await _mfa.EnrollAsync(MfaHarness.Alice);

        await _mfa.FailAsync(MfaHarness.Alice);

        var complete = _activities.Single(a => a.OperationName == "mfa.challenge.complete");
        Assert.That(complete.GetTagItem("mfa.failure"), Is.EqualTo(nameof(MfaFailureReason.InvalidCode)));
    }

    [Test]
    public async Task Telemetry_EveryPath_NoCodeRecoveryCodeOrKeyInTagsOrSpanNames()
    {
        var secrets = await SecretScenario.RunAsync(_mfa);

        var texts = _measurements.SelectMany(m => m.Tags.SelectMany(t => new[] { t.Key, Text(t.Value) }))
            .Concat(_activities.SelectMany(a => a.TagObjects.SelectMany(t => new[] { t.Key, Text(t.Value) }).Append(a.DisplayName).Append(a.OperationName)))
            .ToList();
        Assert.That(texts, Is.Not.Empty);
        foreach (var secret in secrets)
        {
            Assert.That(texts, Has.None.Contains(secret), "a metric or span tag contains a secret");
        }
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    private long Count(string counter, params (string Key, string Value)[] tags) =>
        _measurements.Where(m => m.Name == counter && tags.All(t => m.Tags.Any(p => p.Key == t.Key && Equals(p.Value, t.Value)))).Sum(m => m.Value);
}
