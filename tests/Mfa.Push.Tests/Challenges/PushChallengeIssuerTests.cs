using System.Text.Json.Nodes;
using Mfa.Core;
using Mfa.Push.Challenges;
using Mfa.Push.Device;
using Mfa.Push.Responses;

namespace Mfa.Push.Tests.Challenges;

[TestFixture]
public sealed class PushChallengeIssuerTests
{
    private static JsonNode Payload(string token) => JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1]))!;

    [Test]
    public void Create_Defaults_TwoDigitNumberNeverInTheToken()
    {
        using var host = PushTestHost.Create();
        var (_, credential) = host.Enroll();
        for (var i = 0; i < 50; i++)
        {
            var result = host.Issuer.Create(null, [credential], new PushContext());
            Assert.That(int.Parse(result.DisplayNumber!, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(10, 99));
            var payload = Payload(result.State!.Targets[0].Token);
            Assert.That(payload["nm"]!.ToJsonString(), Is.EqualTo("{\"mode\":\"enter\",\"len\":2}"));
            Assert.That(payload.ToJsonString(), Does.Not.Contain("\"" + result.DisplayNumber + "\""));
        }
    }

    [Test]
    public void Create_Nist80063BPreset_SevenDigits()
    {
        using var host = PushTestHost.Create(o => o.UseNumberMatchingPreset(PushNumberMatchingPreset.Nist80063B));
        var (_, credential) = host.Enroll();
        var result = host.Issuer.Create(null, [credential], new PushContext());
        Assert.That(result.DisplayNumber, Has.Length.EqualTo(7).And.Not.StartWith("0"));
    }

    [TestCase(false, "off")]
    [TestCase(true, "enter")]
    public void Create_RiskMode_EnterOnlyWhenRisky(bool risky, string mode)
    {
        using var host = PushTestHost.Create(o => o.NumberMatching = PushNumberMatching.Risk);
        var (_, credential) = host.Enroll();
        var result = host.Issuer.Create(null, [credential], new PushContext { HighRisk = risky });
        Assert.That(Payload(result.State!.Targets[0].Token)["nm"]!["mode"]!.GetValue<string>(), Is.EqualTo(mode));
        Assert.That(result.DisplayNumber is null, Is.EqualTo(!risky));
    }

    [Test]
    public void Create_ServiceChallengeId_IsTheCid()
    {
        using var host = PushTestHost.Create();
        var (_, credential) = host.Enroll();
        var result = host.Issuer.Create("G1tiBrhKQ_Q9kNfN2FqMaQ", [credential], new PushContext());
        Assert.That(result.State!.ChallengeId, Is.EqualTo("G1tiBrhKQ_Q9kNfN2FqMaQ"));
        Assert.That(Payload(result.State.Targets[0].Token)["cid"]!.GetValue<string>(), Is.EqualTo("G1tiBrhKQ_Q9kNfN2FqMaQ"));
    }

    [Test]
    public void Create_ExpiryIsTheAnswerWindow()
    {
        using var host = PushTestHost.Create();
        var (_, credential) = host.Enroll();
        var result = host.Issuer.Create(null, [credential], new PushContext());
        Assert.That(result.ExpiresAt, Is.EqualTo(host.Time.GetUtcNow().AddSeconds(120)));
        Assert.That(Payload(result.State!.Targets[0].Token)["exp"]!.GetValue<long>(), Is.EqualTo(host.Time.GetUtcNow().AddSeconds(120).ToUnixTimeSeconds()));
    }

    [Test]
    public void Create_ContextShownOnThePhone_IncludesApproximateLocation()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var context = new PushContext
        {
            Application = "Contoso Portal",
            IpAddress = "203.0.113.7",
            Location = new PushLocation("Berlin", "Berlin", "DE"),
            UserAgent = "Firefox\u202E on Windows",
            Transaction = PushTransactionType.StepUp,
        };
        var challenge = host.Challenge(context, credential);
        var read = PushTestHost.Read(device, challenge);
        Assert.That(read.Application, Is.EqualTo("Contoso Portal"));
        Assert.That(read.IpAddress, Is.EqualTo("203.0.113.7"));
        Assert.That(read.ApproximateLocation, Is.EqualTo("Berlin, Berlin, DE"));
        Assert.That(read.UserAgent, Is.EqualTo("Firefox on Windows"));
        Assert.That(read.Transaction, Is.EqualTo("stepup"));
        Assert.That(read.Time, Is.EqualTo("2026-01-01T00:00:00Z"));
        Assert.That(Payload(challenge.Targets[0].Token)["ctx"]!["geo"]!["approx"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public void Create_ContextWithLoneSurrogate_IssuesWithAReplacementCharacter()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(new PushContext { Application = "Portal\ud800" }, credential);
        Assert.That(PushTestHost.Read(device, challenge).Application, Is.EqualTo("Portal\ufffd"));
    }

    [Test]
    public void Create_NoActiveDevice_IsNotEnrolled()
    {
        using var host = PushTestHost.Create();
        var (_, credential) = host.Enroll();
        var result = host.Issuer.Create(null, [credential with { Status = PushDeviceStatus.Revoked }], new PushContext());
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.NotEnrolled));
    }

    [Test]
    public void Create_DeviceGoneAndPollOnly_GetTokensButNoNotification()
    {
        using var host = PushTestHost.Create();
        var (_, pushing) = host.Enroll(userHandle: "user-handle-0001");
        var (_, gone) = host.Enroll(userHandle: "user-handle-0001");
        var (_, polling) = host.Enroll(userHandle: "user-handle-0001", address: DevicePushAddress.Poll);
        var result = host.Issuer.Create(null, [pushing, gone with { AddressValid = false }, polling], new PushContext());
        Assert.That(result.State!.Targets, Has.Count.EqualTo(3));
        Assert.That(result.Notifications.Select(n => n.CredentialId), Is.EqualTo(new[] { pushing.CredentialId }));
        var message = result.Notifications[0].Message;
        Assert.That(message.ChallengeId, Is.EqualTo(result.State.ChallengeId));
        Assert.That(message.TimeToLive, Is.EqualTo(TimeSpan.FromSeconds(120)));
    }

    [Test]
    public void Create_FanOut_OneTokenPerDeviceWithItsAudience()
    {
        using var host = PushTestHost.Create();
        var (_, a) = host.Enroll(userHandle: "user-handle-0001");
        var (_, b) = host.Enroll(userHandle: "user-handle-0001", withUvKey: false);
        var state = host.Challenge(a, b);
        Assert.That(Payload(state.FindTarget(a.CredentialId)!.Token)["aud"]!.GetValue<string>(), Is.EqualTo(a.CredentialId));
        Assert.That(Payload(state.FindTarget(b.CredentialId)!.Token)["uv"]!.GetValue<string>(), Is.EqualTo("discouraged"));
        Assert.That(Payload(state.FindTarget(a.CredentialId)!.Token)["uv"]!.GetValue<string>(), Is.EqualTo("required"));
    }

    [Test]
    public void Create_BadChallengeId_Throws()
    {
        using var host = PushTestHost.Create();
        var (_, credential) = host.Enroll();
        Assert.That(() => host.Issuer.Create("short", [credential], new PushContext()), Throws.ArgumentException);
    }

    [Test]
    public void PendingToken_PendingChallenge_ServesTheDevicesToken()
    {
        using var host = PushTestHost.Create();
        var (_, credential) = host.Enroll();
        var state = host.Challenge(credential);
        Assert.That(PushDeviceApi.PendingToken(state, null, credential.CredentialId, host.Time.GetUtcNow()), Is.EqualTo(state.Targets[0].Token));
        Assert.That(PushDeviceApi.PendingToken(state, null, "someone-else", host.Time.GetUtcNow()), Is.Null);
        Assert.That(PushDeviceApi.PendingToken(state, null, credential.CredentialId, state.ExpiresAt.AddSeconds(1)), Is.Null);
    }

    [Test]
    public void PendingToken_AnsweredChallenge_IsNotServed()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var state = host.Challenge(credential);
        var answer = host.Verify(PushTestHost.Answer(device, state, PushDeviceAction.Deny), state, credential).Answer;
        Assert.That(PushDeviceApi.PendingToken(state, answer, credential.CredentialId, host.Time.GetUtcNow()), Is.Null);
    }

    [Test]
    public void ChallengesJson_Tokens_IsTheSpecShape()
    {
        Assert.That(PushDeviceApi.ChallengesJson([]), Is.EqualTo("{\"challenges\":[]}"));
        Assert.That(PushDeviceApi.ChallengesJson(["a.b.c"]), Is.EqualTo("{\"challenges\":[\"a.b.c\"]}"));
        Assert.That(PushDeviceApi.ChallengeJson("a.b.c"), Is.EqualTo("{\"challenge\":\"a.b.c\"}"));
        Assert.That(PushDeviceApi.ErrorJson(PushProtocolError.ChallengeExpired), Is.EqualTo("{\"error\":\"challenge_expired\"}"));
    }

    [Test]
    public void Completion_StateMachine_PendingApprovedConsumedOrExpired()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var state = host.Challenge(credential);
        Assert.That(PushCompletion.Evaluate(state, null, host.Time.GetUtcNow()).IsPending, Is.True);
        Assert.That(PushCompletion.Evaluate(state, null, state.ExpiresAt.AddSeconds(1)).Status, Is.EqualTo(PushChallengeStatus.Expired));
        var answer = host.Verify(PushTestHost.Answer(device, state, PushDeviceAction.Approve), state, credential).Answer!;
        var done = PushCompletion.Evaluate(state, answer, answer.FinalizeBy);
        Assert.That(done.Succeeded, Is.True);
        Assert.That(done.CredentialId, Is.EqualTo(credential.CredentialId));
        Assert.That(done.UserVerified, Is.True);
        Assert.That(PushCompletion.Evaluate(state, answer, answer.FinalizeBy.AddSeconds(1)).FailureReason, Is.EqualTo(MfaFailureReason.Expired));
    }

    [TestCase(PushDeviceAction.Deny, MfaFailureReason.Denied)]
    [TestCase(PushDeviceAction.Report, MfaFailureReason.FraudReported)]
    public void Completion_DeniedOrReported_TellsTheLoginPage(PushDeviceAction action, MfaFailureReason reason)
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var state = host.Challenge(credential);
        var answer = host.Verify(PushTestHost.Answer(device, state, action), state, credential).Answer!;
        Assert.That(PushCompletion.Evaluate(state, answer, host.Time.GetUtcNow()).FailureReason, Is.EqualTo(reason));
    }
}
