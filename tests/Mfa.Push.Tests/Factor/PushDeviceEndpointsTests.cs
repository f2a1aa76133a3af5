using Mfa.Push.Device;
using Mfa.Push.Factor;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Push.Tests.Factor;

/// <summary>Push spec §4.6: the phone fetches the challenge it was notified about, authenticated by a proof (§4.8).</summary>
[TestFixture]
public sealed class PushDeviceEndpointsTests
{
    private PushFactorHost _host = null!;

    private PushDeviceEndpoints Endpoints => _host.Provider.GetRequiredService<PushDeviceEndpoints>();

    [SetUp]
    public void SetUp() => _host = new PushFactorHost();

    [TearDown]
    public void TearDown() => _host.Dispose();

    [Test]
    public async Task FetchChallengeAsync_NotifiedDevice_GetsItsTokenAndCanApprove()
    {
        var (device, inbox) = await _host.EnrollAsync(PushFactorHost.Alice);
        var start = await _host.BeginAsync(PushFactorHost.Alice);
        Assert.That(_host.Transport.TryReceive(inbox, out var message), Is.True);
        var uri = device.ChallengeUri(message!.ChallengeId);

        var reply = await Endpoints.FetchChallengeAsync(device.CreateProof("GET", uri), "GET", uri, message.ChallengeId);

        Assert.That(reply.StatusCode, Is.EqualTo(200));
        var token = System.Text.Json.JsonDocument.Parse(reply.Json!).RootElement.GetProperty("challenge").GetString()!;
        var read = device.ReadChallenge(token);
        Assert.That(read.Error, Is.EqualTo(PushDeviceError.None));
        Assert.That(device.TryAnswer(read.Challenge!, PushDeviceAction.Approve, start.Prompt!.DisplayNumber, PushDeviceDenyReason.None, out var answer), Is.EqualTo(PushDeviceError.None));
        Assert.That((await _host.Service.AnswerChallengeAsync(start.ChallengeId!, new PushChallengeAnswer(answer))).Succeeded, Is.True);
    }

    [Test]
    public async Task FetchChallengeAsync_NoProof_Unauthorized()
    {
        var (device, _) = await _host.EnrollAsync(PushFactorHost.Alice);
        var start = await _host.BeginAsync(PushFactorHost.Alice);
        var uri = device.ChallengeUri(start.ChallengeId!);

        var reply = await Endpoints.FetchChallengeAsync(null, "GET", uri, start.ChallengeId!);

        Assert.That(reply.StatusCode, Is.EqualTo(401));
        Assert.That(reply.Json, Is.Null);
    }

    [Test]
    public async Task FetchChallengeAsync_ProofForAnotherUrl_Unauthorized()
    {
        var (device, _) = await _host.EnrollAsync(PushFactorHost.Alice);
        var start = await _host.BeginAsync(PushFactorHost.Alice);
        var uri = device.ChallengeUri(start.ChallengeId!);

        var reply = await Endpoints.FetchChallengeAsync(device.CreateProof("GET", device.ChallengeUri("AAAAAAAAAAAAAAAAAAAAAA")), "GET", uri, start.ChallengeId!);

        Assert.That(reply.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task FetchChallengeAsync_AnotherUsersChallenge_NotFound()
    {
        var (bobsPhone, _) = await _host.EnrollAsync(PushFactorHost.Bob);
        await _host.EnrollAsync(PushFactorHost.Alice);
        var alices = await _host.BeginAsync(PushFactorHost.Alice);
        var uri = bobsPhone.ChallengeUri(alices.ChallengeId!);

        var reply = await Endpoints.FetchChallengeAsync(bobsPhone.CreateProof("GET", uri), "GET", uri, alices.ChallengeId!);

        Assert.That(reply.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task FetchChallengeAsync_Answered_NotFound()
    {
        var (device, _) = await _host.EnrollAsync(PushFactorHost.Alice);
        var start = await _host.BeginAsync(PushFactorHost.Alice);
        await _host.AnswerAsync(device, start, PushDeviceAction.Deny);
        var uri = device.ChallengeUri(start.ChallengeId!);

        var reply = await Endpoints.FetchChallengeAsync(device.CreateProof("GET", uri), "GET", uri, start.ChallengeId!);

        Assert.That(reply.StatusCode, Is.EqualTo(404));
    }
}
