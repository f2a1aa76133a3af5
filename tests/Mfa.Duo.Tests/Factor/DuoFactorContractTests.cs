using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Duo.Emulator.Scripting;
using Mfa.Testing;

namespace Mfa.Duo.Tests.Factor;

/// <summary>Enrollment (a Duo binding) and the factor's contract: foreign types and unreadable state are typed failures.</summary>
[TestFixture]
public sealed class DuoFactorContractTests
{
    private static MfaUser Bob { get; } = new("bob", "Bob");

    [Test]
    public async Task CompleteEnrollmentAsync_DuoUser_RecordHoldsOnlyTheDuoUsername()
    {
        await using var host = await DuoFactorHost.StartAsync(enroll: false);
        var start = await host.Service.BeginEnrollmentAsync(DuoFactorHost.Alice.JustVerified(host.Time), new DuoEnrollmentRequest());
        var done = await host.Service.CompleteEnrollmentAsync(DuoFactorHost.Alice, start.EnrollmentId!, new DuoEnrollmentResponse());
        var records = await host.Service.ListAuthenticatorsAsync("alice");

        Assert.Multiple(() =>
        {
            Assert.That(start.Prompt!.Username, Is.EqualTo("alice"), "the default Duo username is the user id");
            Assert.That(done.Succeeded, Is.True, done.ToString());
            Assert.That(records.Single().Kind, Is.EqualTo(FactorKinds.Duo));
            Assert.That(host.Duo.Requests.Any(r => r.Path == "/auth/v2/preauth"), Is.True);
        });
    }

    [Test]
    public async Task CompleteEnrollmentAsync_ExplicitUsername_ChallengesUseIt()
    {
        await using var host = await DuoFactorHost.StartAsync(enroll: false);
        host.Duo.AddUser("robert.duo").WithPasscode("777777");
        await host.EnrollAsync(Bob, "robert.duo");
        var start = await host.BeginAsync(DuoChallengeMode.Passcode, Bob);

        var result = await host.CompleteAsync(start.ChallengeId!, new DuoPasscodeResponse("777777"), Bob);

        Assert.That(result.GetDetails<DuoVerificationDetails>()?.Username, Is.EqualTo("robert.duo"));
    }

    [TestCase(null, MfaFailureReason.NotEnrolled)]
    [TestCase(DuoEmulatorUserState.NotEnrolled, MfaFailureReason.NotEnrolled)]
    [TestCase(DuoEmulatorUserState.Locked, MfaFailureReason.Denied)]
    public async Task CompleteEnrollmentAsync_UserNotUsableAtDuo_Refused(DuoEmulatorUserState? state, MfaFailureReason expected)
    {
        await using var host = await DuoFactorHost.StartAsync(enroll: false);
        if (state is { } s)
        {
            host.Duo.AddUser("bob").State = s;
        }

        var start = await host.Service.BeginEnrollmentAsync(Bob, new DuoEnrollmentRequest());
        var done = await host.Service.CompleteEnrollmentAsync(Bob, start.EnrollmentId!, new DuoEnrollmentResponse());

        Assert.Multiple(async () =>
        {
            Assert.That(done.FailureReason, Is.EqualTo(expected));
            Assert.That(await host.Service.ListAuthenticatorsAsync("bob"), Is.Empty);
        });
    }

    [Test]
    public async Task CompleteEnrollmentAsync_DuoDownEvenFailmodeOpen_NoBinding()
    {
        await using var host = await DuoFactorHost.StartAsync(o => o.Failmode = DuoFailmode.Open, enroll: false);
        var start = await host.Service.BeginEnrollmentAsync(DuoFactorHost.Alice.JustVerified(host.Time), new DuoEnrollmentRequest());
        host.Duo.Outage = DuoEmulatorOutage.ServerError;

        var done = await host.Service.CompleteEnrollmentAsync(DuoFactorHost.Alice, start.EnrollmentId!, new DuoEnrollmentResponse());

        Assert.That(done.FailureReason, Is.EqualTo(MfaFailureReason.DuoUnavailable));
    }

    [Test]
    public async Task BeginEnrollmentAsync_AlreadyBound_AlreadyEnrolled()
    {
        await using var host = await DuoFactorHost.StartAsync();

        var start = await host.Service.BeginEnrollmentAsync(DuoFactorHost.Alice.JustVerified(host.Time), new DuoEnrollmentRequest());

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.AlreadyEnrolled));
    }

    [TestCase("")]
    [TestCase("bad\nname")]
    public async Task BeginEnrollmentAsync_BadUsername_MalformedInput(string username)
    {
        await using var host = await DuoFactorHost.StartAsync(enroll: false);

        var start = await host.Service.BeginEnrollmentAsync(Bob, new DuoEnrollmentRequest { Username = username });

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task BeginChallengeAsync_PlainRequestOfDuoKind_MalformedInput()
    {
        await using var host = await DuoFactorHost.StartAsync();

        var start = await host.Service.BeginChallengeAsync(DuoFactorHost.Alice, new ChallengeRequest(FactorKinds.Duo, MfaPurpose.SignIn));

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteChallengeAsync_ForeignResponseOfDuoKind_MalformedInput()
    {
        await using var host = await DuoFactorHost.StartAsync();
        var start = await host.BeginAsync(DuoChallengeMode.Push);

        var result = await host.CompleteAsync(start.ChallengeId!, new ForeignResponse());

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task Factor_ForeignEnrollmentTypes_MalformedInput()
    {
        await using var host = await DuoFactorHost.StartAsync();
        var context = new EnrollmentContext(DuoFactorHost.Alice, "e", null, DuoTestHost.Start, DuoTestHost.Start.AddMinutes(5), []);

        var begin = await host.Factor.BeginEnrollmentAsync(context, new ForeignEnrollmentRequest());
        var complete = await host.Factor.CompleteEnrollmentAsync(context, ReadOnlyMemory<byte>.Empty, new ForeignEnrollmentResponse());

        Assert.Multiple(() =>
        {
            Assert.That(begin.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
            Assert.That(complete.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
        });
    }

    [TestCase("")]
    [TestCase("not json")]
    [TestCase("{}")]
    [TestCase("{\"mode\":\"Push\",\"authenticatorId\":\"x\",\"username\":null,\"step\":\"Duo\",\"bypassFailure\":\"None\"}")]
    [TestCase("{\"mode\":\"Nope\",\"authenticatorId\":\"x\",\"username\":\"alice\",\"step\":\"Duo\",\"bypassFailure\":\"None\"}")]
    public async Task CompleteChallengeAsync_UnreadableState_MalformedInput(string state)
    {
        await using var host = await DuoFactorHost.StartAsync();
        var records = await host.Service.ListAuthenticatorsAsync("alice");
        Assert.That(records, Has.Count.EqualTo(1));
        var context = new ChallengeContext(DuoFactorHost.Alice, "c", MfaPurpose.SignIn, DuoTestHost.Start, DuoTestHost.Start.AddMinutes(2), []);

        var result = await host.Factor.CompleteChallengeAsync(context, System.Text.Encoding.UTF8.GetBytes(state), new DuoPollResponse());

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_UnreadableState_MalformedInput()
    {
        await using var host = await DuoFactorHost.StartAsync();
        var context = new EnrollmentContext(DuoFactorHost.Alice, "e", null, DuoTestHost.Start, DuoTestHost.Start.AddMinutes(5), []);

        var result = await host.Factor.CompleteEnrollmentAsync(context, "{\"authenticatorId\":1}"u8.ToArray(), new DuoEnrollmentResponse());

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    private sealed class ForeignResponse : ChallengeResponse
    {
        public override string Kind => FactorKinds.Duo;
    }

    private sealed class ForeignEnrollmentRequest : EnrollmentRequest<DuoEnrollmentPrompt>
    {
        public override string Kind => FactorKinds.Duo;
    }

    private sealed class ForeignEnrollmentResponse : EnrollmentResponse
    {
        public override string Kind => FactorKinds.Duo;
    }
}
