using Mfa.Core;
using Mfa.Core.Diagnostics;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Push.Device;
using Mfa.Push.Factor;
using Mfa.Testing;
using Microsoft.Extensions.Logging;

namespace Mfa.Push.Tests.Factor;

/// <summary>The push factor through <see cref="IMfaService"/>: enroll a phone, challenge, the phone answers, the page polls.</summary>
[TestFixture]
public sealed class PushFactorTests
{
    private static MfaUser Alice => PushFactorHost.Alice;
    private static MfaUser Bob => PushFactorHost.Bob;
    private PushFactorHost _host = null!;

    private IMfaService Service => _host.Service;

    [SetUp]
    public void SetUp() => _host = new PushFactorHost();

    [TearDown]
    public void TearDown() => _host.Dispose();

    [Test]
    public async Task CompleteEnrollmentAsync_PhoneRequest_RecordHoldsTheDeviceCredential()
    {
        var (device, _) = await _host.EnrollAsync(Alice);

        var authenticators = await Service.ListAuthenticatorsAsync(Alice.Id);
        Assert.That(authenticators, Has.Count.EqualTo(1));
        Assert.That(authenticators[0].Kind, Is.EqualTo(FactorKinds.Push));
        Assert.That(device.IsEnrolled, Is.True);
    }

    [Test]
    public async Task CompleteEnrollmentAsync_NameGivenAtBegin_RecordNamed()
    {
        var start = await Service.BeginEnrollmentAsync(Alice, new PushEnrollmentRequest { Name = "Work phone" });
        Assert.That(PushEnrollmentLink.TryParse(start.Prompt!.EnrollmentUri, out var link, out _), Is.True);
        using var device = PushDevice.Create(true, _host.Time);
        var request = device.CreateEnrollmentRequest(link!, new PushDeviceInfo("android", "Pixel", "1.0", "16"), DevicePushAddress.InProcess("x"));

        var result = await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, new PushEnrollmentResponse(request));

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(result.Authenticator!.Name, Is.EqualTo("Work phone"));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_SameRequestTwice_SecondRefused()
    {
        var start = await Service.BeginEnrollmentAsync(Alice, new PushEnrollmentRequest());
        Assert.That(PushEnrollmentLink.TryParse(start.Prompt!.EnrollmentUri, out var link, out _), Is.True);
        using var device = PushDevice.Create(true, _host.Time);
        var request = device.CreateEnrollmentRequest(link!, new PushDeviceInfo("android", "Phone", "1.0", "16"), DevicePushAddress.InProcess("x"));

        var first = await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, new PushEnrollmentResponse(request));
        var second = await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, new PushEnrollmentResponse(request));

        Assert.That(first.Succeeded, Is.True, first.Message);
        Assert.That(second.Succeeded, Is.False);
        Assert.That(await Service.ListAuthenticatorsAsync(Alice.Id), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_ForgedToken_Fails()
    {
        var start = await Service.BeginEnrollmentAsync(Alice, new PushEnrollmentRequest());
        Assert.That(PushEnrollmentLink.TryParse(start.Prompt!.EnrollmentUri, out var link, out _), Is.True);
        using var device = PushDevice.Create(true, _host.Time);
        var request = device.CreateEnrollmentRequest(link!, new PushDeviceInfo("android", "Phone", "1.0", "16"), DevicePushAddress.InProcess("x"));
        var forged = request[..^4] + (request[^4] == 'A' ? "BBBB" : "AAAA");

        var result = await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, new PushEnrollmentResponse(forged));

        Assert.That(result.Succeeded, Is.False);
        Assert.That(await Service.ListAuthenticatorsAsync(Alice.Id), Is.Empty);
    }

    [Test]
    public async Task BeginChallengeAsync_EnrolledPhone_NotifiedWithNumberAndPollInterval()
    {
        var (_, inbox) = await _host.EnrollAsync(Alice);

        var start = await _host.BeginAsync(Alice);

        Assert.That(start.Succeeded, Is.True, start.Message);
        Assert.That(start.Prompt!.DisplayNumber, Has.Length.EqualTo(2));
        Assert.That(start.Prompt.PollInterval, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(start.Prompt.DevicesNotified, Is.EqualTo(1));
        Assert.That(_host.Transport.TryReceive(inbox, out var message), Is.True);
        Assert.That(message!.ChallengeId, Is.EqualTo(start.ChallengeId));
    }

    [Test]
    public async Task BeginChallengeAsync_NoPhone_NotEnrolled()
    {
        var start = await _host.BeginAsync(Alice);

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.NotEnrolled));
    }

    [Test]
    public async Task BeginChallengeAsync_ContextFromRequest_ShownOnThePhone()
    {
        var (device, _) = await _host.EnrollAsync(Alice);
        var start = await _host.BeginAsync(Alice);

        var challenge = await _host.FetchAsync(device, start.ChallengeId!);

        Assert.That(challenge.ChallengeId, Is.EqualTo(start.ChallengeId));
        Assert.That(challenge.Application, Is.EqualTo("Contoso Portal"));
        Assert.That(challenge.IpAddress, Is.EqualTo("203.0.113.7"));
        Assert.That(challenge.Transaction, Is.EqualTo("login"));
    }

    [Test]
    public async Task Approve_ThenPoll_VerifiedWithDeviceAndUserVerification()
    {
        var (device, _) = await _host.EnrollAsync(Alice);
        var start = await _host.BeginAsync(Alice);

        var answer = await _host.AnswerAsync(device, start, PushDeviceAction.Approve);
        var result = await _host.PollAsync(Alice, start.ChallengeId!);

        Assert.That(answer.Succeeded, Is.True, answer.Message);
        Assert.That(answer.Outcome, Is.EqualTo(ChallengeAnswerOutcome.Approved));
        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(result.Details, Is.TypeOf<PushVerificationDetails>());
        Assert.That(((PushVerificationDetails)result.Details!).CredentialId, Is.EqualTo(device.CredentialId));
        Assert.That(result.UserVerified, Is.True);
    }

    [Test]
    public async Task Poll_Approved_ConsumedOnce()
    {
        var (device, _) = await _host.EnrollAsync(Alice);
        var start = await _host.BeginAsync(Alice);
        await _host.AnswerAsync(device, start, PushDeviceAction.Approve);

        var first = await _host.PollAsync(Alice, start.ChallengeId!);
        var second = await _host.PollAsync(Alice, start.ChallengeId!);

        Assert.That(first.Succeeded, Is.True);
        Assert.That(second.Succeeded, Is.False);
        Assert.That(second.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
    }

    [Test]
    public async Task Poll_NoAnswer_PendingAndNeverConsumes()
    {
        var (device, _) = await _host.EnrollAsync(Alice);
        var start = await _host.BeginAsync(Alice);

        for (var i = 0; i < 20; i++)
        {
            var poll = await _host.PollAsync(Alice, start.ChallengeId!);
            Assert.That(poll.IsPending, Is.True);
            Assert.That(poll.PollInterval, Is.EqualTo(TimeSpan.FromSeconds(2)));
        }

        await _host.AnswerAsync(device, start, PushDeviceAction.Approve);
        Assert.That((await _host.PollAsync(Alice, start.ChallengeId!)).Succeeded, Is.True);
    }

    [Test]
    public async Task Deny_ThenPoll_Denied()
    {
        var (device, _) = await _host.EnrollAsync(Alice);
        var start = await _host.BeginAsync(Alice);

        var answer = await _host.AnswerAsync(device, start, PushDeviceAction.Deny);
        var result = await _host.PollAsync(Alice, start.ChallengeId!);

        Assert.That(answer.Outcome, Is.EqualTo(ChallengeAnswerOutcome.Denied));
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.Denied));
    }

    [Test]
    public async Task ReportFraud_ThenPoll_FraudReportedAndCriticalEventLogged()
    {
        var (device, _) = await _host.EnrollAsync(Alice);
        var start = await _host.BeginAsync(Alice);

        var answer = await _host.AnswerAsync(device, start, PushDeviceAction.Report);
        var result = await _host.PollAsync(Alice, start.ChallengeId!);

        Assert.That(answer.Outcome, Is.EqualTo(ChallengeAnswerOutcome.FraudReported));
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.FraudReported));
        Assert.That(_host.Logs.Entries, Has.Some.Matches<(LogLevel Level, int EventId, string Message)>(e => e.EventId == MfaEventIds.FraudReported && e.Level == LogLevel.Critical));
    }

    [Test]
    public async Task Approve_WrongNumber_ChallengeEndsWithNumberMismatch()
    {
        var (device, _) = await _host.EnrollAsync(Alice);
        var (second, _) = await _host.EnrollAsync(Alice);
        var start = await _host.BeginAsync(Alice);
        var wrong = start.Prompt!.DisplayNumber == "00" ? "01" : "00";

        var answer = await _host.AnswerAsync(device, start, PushDeviceAction.Approve, wrong);
        var retry = await _host.AnswerAsync(second, start, PushDeviceAction.Approve);
        var result = await _host.PollAsync(Alice, start.ChallengeId!);

        Assert.That(answer.Succeeded, Is.True, "a wrong number is recorded: it ends the challenge");
        Assert.That(retry.FailureReason, Is.EqualTo(MfaFailureReason.AlreadyAnswered));
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.NumberMismatch));
    }

    [Test]
    public async Task Answer_Replayed_Refused()
    {
        var (device, _) = await _host.EnrollAsync(Alice);
        var start = await _host.BeginAsync(Alice);
        var token = await _host.SignAnswerAsync(device, start, PushDeviceAction.Approve);

        var first = await Service.AnswerChallengeAsync(start.ChallengeId!, new PushChallengeAnswer(token));
        var replay = await Service.AnswerChallengeAsync(start.ChallengeId!, new PushChallengeAnswer(token));

        Assert.That(first.Succeeded, Is.True);
        Assert.That(replay.Succeeded, Is.False);
        Assert.That(replay.FailureReason, Is.EqualTo(MfaFailureReason.AlreadyAnswered));
    }

    [Test]
    public async Task Answer_AfterExpiry_RefusedAndPollExpired()
    {
        var (device, _) = await _host.EnrollAsync(Alice);
        var start = await _host.BeginAsync(Alice);
        var token = await _host.SignAnswerAsync(device, start, PushDeviceAction.Approve);
        _host.Time.Advance(TimeSpan.FromSeconds(121));

        var answer = await Service.AnswerChallengeAsync(start.ChallengeId!, new PushChallengeAnswer(token));
        var result = await _host.PollAsync(Alice, start.ChallengeId!);

        Assert.That(answer.Succeeded, Is.False);
        Assert.That(answer.FailureReason, Is.EqualTo(MfaFailureReason.Expired));
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.Expired));
    }

    [Test]
    public async Task Answer_AnotherDevicesSignature_RefusedChallengeStillPending()
    {
        var (device, _) = await _host.EnrollAsync(Alice);
        var (other, _) = await _host.EnrollAsync(Alice);
        var start = await _host.BeginAsync(Alice);
        var token = await _host.SignAnswerAsync(device, start, PushDeviceAction.Approve);
        var otherToken = await _host.SignAnswerAsync(other, start, PushDeviceAction.Approve);

        // The header and payload of one device's answer under the other device's signature.
        var spliced = token[..token.LastIndexOf('.')] + otherToken[otherToken.LastIndexOf('.')..];
        var answer = await Service.AnswerChallengeAsync(start.ChallengeId!, new PushChallengeAnswer(spliced));

        Assert.That(answer.FailureReason, Is.EqualTo(MfaFailureReason.InvalidSignature));
        Assert.That((await _host.PollAsync(Alice, start.ChallengeId!)).IsPending, Is.True);
    }

    [Test]
    public async Task Answer_ForgedSignature_RefusedAndLogged()
    {
        var (device, _) = await _host.EnrollAsync(Alice);
        var start = await _host.BeginAsync(Alice);
        var token = await _host.SignAnswerAsync(device, start, PushDeviceAction.Approve);
        // Change the signature's first four characters (full 6-bit groups, so the base64url stays canonical).
        var dot = token.LastIndexOf('.') + 1;
        var forged = token[..dot] + (token[dot] == 'A' ? "BBBB" : "AAAA") + token[(dot + 4)..];

        var answer = await Service.AnswerChallengeAsync(start.ChallengeId!, new PushChallengeAnswer(forged));

        Assert.That(answer.FailureReason, Is.EqualTo(MfaFailureReason.InvalidSignature));
        Assert.That(_host.Logs.Entries, Has.Some.Matches<(LogLevel Level, int EventId, string Message)>(e => e.EventId == 1502));
    }

    [Test]
    public async Task Answer_AnotherUsersChallenge_Refused()
    {
        var (bobsPhone, _) = await _host.EnrollAsync(Bob);
        await _host.EnrollAsync(Alice);
        var alices = await _host.BeginAsync(Alice);
        var bobs = await _host.BeginAsync(Bob);

        // Bob's phone signs an answer to its own challenge, then sends it for Alice's.
        var token = await _host.SignAnswerAsync(bobsPhone, bobs, PushDeviceAction.Approve);
        var answer = await Service.AnswerChallengeAsync(alices.ChallengeId!, new PushChallengeAnswer(token));

        Assert.That(answer.Succeeded, Is.False);
        Assert.That(answer.FailureReason, Is.EqualTo(MfaFailureReason.UnknownAuthenticator));
        Assert.That((await _host.PollAsync(Alice, alices.ChallengeId!)).IsPending, Is.True);
    }

    [Test]
    public async Task Poll_AnotherPurpose_RefusedAndApprovalNotConsumed()
    {
        var (device, _) = await _host.EnrollAsync(Alice);
        var start = await _host.BeginAsync(Alice);
        await _host.AnswerAsync(device, start, PushDeviceAction.Approve);

        var other = await _host.PollAsync(Alice, start.ChallengeId!, MfaPurpose.StepUp("delete-account"));
        var right = await _host.PollAsync(Alice, start.ChallengeId!);

        Assert.That(other.Succeeded, Is.False);
        Assert.That(right.Succeeded, Is.True);
    }

    [Test]
    public async Task Answer_ThirtyTwoConcurrent_ExactlyOneRecorded()
    {
        var (phone, _) = await _host.EnrollAsync(Alice);
        var (tablet, _) = await _host.EnrollAsync(Alice);
        var start = await _host.BeginAsync(Alice);
        var approve = await _host.SignAnswerAsync(phone, start, PushDeviceAction.Approve);
        var deny = await _host.SignAnswerAsync(tablet, start, PushDeviceAction.Deny);

        // Two devices answering differently, each answer sent 16 times at once.
        var tokens = Enumerable.Range(0, 32).Select(i => i % 2 == 0 ? approve : deny).ToList();

        var answers = await Task.WhenAll(tokens.Select(t => Task.Run(() => Service.AnswerChallengeAsync(start.ChallengeId!, new PushChallengeAnswer(t)))));

        Assert.That(answers.Count(a => a.Succeeded), Is.EqualTo(1));
        Assert.That(answers.Where(a => !a.Succeeded).Select(a => a.FailureReason), Is.All.EqualTo(MfaFailureReason.AlreadyAnswered));
        var recorded = answers.Single(a => a.Succeeded).Outcome;
        var result = await _host.PollAsync(Alice, start.ChallengeId!);
        Assert.That(result.Succeeded, Is.EqualTo(recorded == ChallengeAnswerOutcome.Approved));
    }

    [Test]
    public async Task BeginChallengeAsync_DeviceGone_ChallengeBegunAndDeviceReported()
    {
        var (device, inbox) = await _host.EnrollAsync(Alice);
        _host.Transport.Unregister(inbox);

        var start = await _host.BeginAsync(Alice);

        Assert.That(start.Succeeded, Is.True);
        Assert.That(start.Prompt!.DevicesNotified, Is.Zero);
        Assert.That(start.Prompt.UnreachableAuthenticators, Has.Count.EqualTo(1));
        Assert.That(_host.Logs.Entries, Has.Some.Matches<(LogLevel Level, int EventId, string Message)>(e => e.EventId == 1500));
        await _host.AnswerAsync(device, start, PushDeviceAction.Approve);
        Assert.That((await _host.PollAsync(Alice, start.ChallengeId!)).Succeeded, Is.True, "the phone pulls and answers");
    }

    [Test]
    public async Task WrongRequestTypes_TypedFailure()
    {
        var (device, _) = await _host.EnrollAsync(Alice);

        var enrollment = await Service.BeginEnrollmentAsync(Alice.JustVerified(_host.Time), new ForeignEnrollmentRequest());
        var challenge = await Service.BeginChallengeAsync(Alice, new ChallengeRequest(FactorKinds.Push, MfaPurpose.SignIn));
        var start = await _host.BeginAsync(Alice);
        var answer = await Service.AnswerChallengeAsync(start.ChallengeId!, new ForeignAnswer());
        var poll = await Service.CompleteChallengeAsync(Alice, start.ChallengeId!, MfaPurpose.SignIn, new ForeignResponse());

        Assert.That(enrollment.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
        Assert.That(challenge.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
        Assert.That(answer.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
        Assert.That(poll.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
        Assert.That(device.IsEnrolled, Is.True);
    }

    private sealed class ForeignEnrollmentRequest : EnrollmentRequest<PushEnrollmentPrompt>
    {
        public override string Kind => FactorKinds.Push;
    }

    private sealed class ForeignAnswer : ChallengeAnswer
    {
        public override string Kind => FactorKinds.Push;
    }

    private sealed class ForeignResponse : ChallengeResponse
    {
        public override string Kind => FactorKinds.Push;
    }
}
