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

    // --- pull of every pending challenge (push spec §4.7) ------------------------------------------------------------

    [Test]
    public async Task PullPendingAsync_TwoPendingChallenges_BothTokensOldestFirstAndAnswerable()
    {
        var (device, _) = await _host.EnrollAsync(PushFactorHost.Alice);
        var first = await _host.BeginAsync(PushFactorHost.Alice);
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await _host.BeginAsync(PushFactorHost.Alice, Mfa.Core.MfaPurpose.StepUp("password-change"), clientKey: "another browser");
        var uri = device.ChallengesEndpoint!;

        var reply = await Endpoints.PullPendingAsync(device.CreateProof("GET", uri), "GET", uri);

        Assert.That(reply.StatusCode, Is.EqualTo(200));
        var tokens = Tokens(reply);
        Assert.That(tokens.Select(t => device.ReadChallenge(t).Challenge!.ChallengeId), Is.EqualTo(new[] { first.ChallengeId, second.ChallengeId }));
        Assert.That(device.TryAnswer(device.ReadChallenge(tokens[0]).Challenge!, PushDeviceAction.Approve, first.Prompt!.DisplayNumber, PushDeviceDenyReason.None, out var answer), Is.EqualTo(PushDeviceError.None));
        Assert.That((await _host.Service.AnswerChallengeAsync(first.ChallengeId!, new PushChallengeAnswer(answer))).Succeeded, Is.True);
    }

    [Test]
    public async Task PullPendingAsync_AnsweredExpiredAndOtherUsers_NotPulled()
    {
        var (device, _) = await _host.EnrollAsync(PushFactorHost.Alice);
        await _host.EnrollAsync(PushFactorHost.Bob);
        await _host.BeginAsync(PushFactorHost.Alice);
        _host.Time.Advance(TimeSpan.FromMinutes(3));
        var answered = await _host.BeginAsync(PushFactorHost.Alice, Mfa.Core.MfaPurpose.StepUp("a"), clientKey: "browser a");
        await _host.AnswerAsync(device, answered, PushDeviceAction.Deny);
        var open = await _host.BeginAsync(PushFactorHost.Alice, Mfa.Core.MfaPurpose.StepUp("b"), clientKey: "browser b");
        await _host.BeginAsync(PushFactorHost.Bob);
        var uri = device.ChallengesEndpoint!;

        var reply = await Endpoints.PullPendingAsync(device.CreateProof("GET", uri), "GET", uri);

        Assert.That(Tokens(reply).Select(t => device.ReadChallenge(t).Challenge!.ChallengeId), Is.EqualTo(new[] { open.ChallengeId }));
    }

    [Test]
    public async Task PullPendingAsync_NothingPending_EmptyArray()
    {
        var (device, _) = await _host.EnrollAsync(PushFactorHost.Alice);
        var uri = device.ChallengesEndpoint!;

        var reply = await Endpoints.PullPendingAsync(device.CreateProof("GET", uri), "GET", uri);

        Assert.That(reply.StatusCode, Is.EqualTo(200));
        Assert.That(Tokens(reply), Is.Empty);
    }

    [Test]
    public async Task PullPendingAsync_NoProofOrProofForAnotherUrl_UnauthorizedWithoutBody()
    {
        var (device, _) = await _host.EnrollAsync(PushFactorHost.Alice);
        await _host.BeginAsync(PushFactorHost.Alice);
        var uri = device.ChallengesEndpoint!;

        var none = await Endpoints.PullPendingAsync(null, "GET", uri);
        var other = await Endpoints.PullPendingAsync(device.CreateProof("GET", device.ChallengeUri("AAAAAAAAAAAAAAAAAAAAAA")), "GET", uri);

        Assert.That((none.StatusCode, none.Json), Is.EqualTo((401, (string?)null)));
        Assert.That((other.StatusCode, other.Json), Is.EqualTo((401, (string?)null)));
    }

    // --- token-id replay cache (push spec §4.8) -----------------------------------------------------------------------

    [Test]
    public async Task PullPendingAsync_SameProofTwice_SecondUnauthorized()
    {
        var (device, _) = await _host.EnrollAsync(PushFactorHost.Alice);
        var uri = device.ChallengesEndpoint!;
        var proof = device.CreateProof("GET", uri);

        var first = await Endpoints.PullPendingAsync(proof, "GET", uri);
        _host.Time.Advance(TimeSpan.FromSeconds(30));
        var replayed = await Endpoints.PullPendingAsync(proof, "GET", uri);

        Assert.That(first.StatusCode, Is.EqualTo(200));
        Assert.That(replayed.StatusCode, Is.EqualTo(401));
        Assert.That(_host.Logs.Entries.Any(e => e.EventId == PushEventIds.ProofReplayed), Is.True);
    }

    [Test]
    public async Task FetchChallengeAsync_ProofReplayedOnAnotherAppServerSharingTheStore_Unauthorized()
    {
        var (device, _) = await _host.EnrollAsync(PushFactorHost.Alice);
        var start = await _host.BeginAsync(PushFactorHost.Alice);
        var uri = device.ChallengeUri(start.ChallengeId!);
        var proof = device.CreateProof("GET", uri);
        var otherServer = new PushDeviceEndpoints(
            _host.Provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PushOptions>>(),
            _host.Time,
            _host.Provider.GetRequiredService<Mfa.Core.Storage.IAuthenticatorStore>(),
            _host.Provider.GetRequiredService<Mfa.Core.Storage.IChallengeStore>(),
            _host.Provider.GetRequiredService<Mfa.Core.Storage.IAttemptCounterStore>());

        var first = await Endpoints.FetchChallengeAsync(proof, "GET", uri, start.ChallengeId!);
        var replayed = await otherServer.FetchChallengeAsync(proof, "GET", uri, start.ChallengeId!);

        Assert.That(first.StatusCode, Is.EqualTo(200));
        Assert.That(replayed.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task FetchChallengeAsync_FreshProofEachTime_Accepted()
    {
        var (device, _) = await _host.EnrollAsync(PushFactorHost.Alice);
        var start = await _host.BeginAsync(PushFactorHost.Alice);
        var uri = device.ChallengeUri(start.ChallengeId!);

        var first = await Endpoints.FetchChallengeAsync(device.CreateProof("GET", uri), "GET", uri, start.ChallengeId!);
        var second = await Endpoints.FetchChallengeAsync(device.CreateProof("GET", uri), "GET", uri, start.ChallengeId!);

        Assert.That((first.StatusCode, second.StatusCode), Is.EqualTo((200, 200)));
    }

    // --- push address update (push spec §3.5) ------------------------------------------------------------------------

    [Test]
    public async Task UpdatePushAddressAsync_SignedByTheDevice_StoredWithNewVersionAndDeliveredThere()
    {
        var (device, oldInbox) = await _host.EnrollAsync(PushFactorHost.Alice);
        var before = await RecordOfAsync(device);

        var reply = await Endpoints.UpdatePushAddressAsync(device.CreatePushAddressUpdate(DevicePushAddress.InProcess("new-inbox")));

        Assert.That(reply.StatusCode, Is.EqualTo(204));
        var after = await RecordOfAsync(device);
        Assert.That(after.Version, Is.GreaterThan(before.Version));
        await _host.BeginAsync(PushFactorHost.Alice);
        Assert.That(_host.Transport.TryReceive("new-inbox", out _), Is.True);
        Assert.That(_host.Transport.TryReceive(oldInbox, out _), Is.False);
        Assert.That(_host.Logs.Entries.Any(e => e.EventId == PushEventIds.AddressUpdated), Is.True);
    }

    [Test]
    public async Task UpdatePushAddressAsync_SameUpdateTwice_SecondRefusedAsReplay()
    {
        var (device, _) = await _host.EnrollAsync(PushFactorHost.Alice);
        var update = device.CreatePushAddressUpdate(DevicePushAddress.InProcess("new-inbox"));

        var first = await Endpoints.UpdatePushAddressAsync(update);
        var replayed = await Endpoints.UpdatePushAddressAsync(update);

        Assert.That(first.StatusCode, Is.EqualTo(204));
        Assert.That(replayed.StatusCode, Is.EqualTo(409));
        Assert.That(replayed.Json, Does.Contain("replay"));
    }

    [Test]
    public async Task UpdatePushAddressAsync_SignedByAnotherDevice_RefusedAndRecordUnchanged()
    {
        var (device, _) = await _host.EnrollAsync(PushFactorHost.Alice);
        var (other, _) = await _host.EnrollAsync(PushFactorHost.Bob);
        var before = await RecordOfAsync(device);
        var forged = ForgeKid(other.CreatePushAddressUpdate(DevicePushAddress.InProcess("attacker")), device.CredentialId!);

        var reply = await Endpoints.UpdatePushAddressAsync(forged);

        Assert.That(reply.StatusCode, Is.Not.EqualTo(204));
        Assert.That((await RecordOfAsync(device)).Data, Is.EqualTo(before.Data));
    }

    [Test]
    public async Task UpdatePushAddressAsync_Garbage_BadRequest()
    {
        var reply = await Endpoints.UpdatePushAddressAsync("not-a-jws");

        Assert.That(reply.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task UpdatePushAddressAsync_RecordChangedMeanwhile_ConflictNothingOverwritten()
    {
        var (device, _) = await _host.EnrollAsync(PushFactorHost.Alice);
        var store = new VersionBumpingStore(_host.Provider.GetRequiredService<Mfa.Core.Storage.IAuthenticatorStore>());
        var endpoints = new PushDeviceEndpoints(
            _host.Provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PushOptions>>(),
            _host.Time,
            store,
            _host.Provider.GetRequiredService<Mfa.Core.Storage.IChallengeStore>(),
            _host.Provider.GetRequiredService<Mfa.Core.Storage.IAttemptCounterStore>());

        var reply = await endpoints.UpdatePushAddressAsync(device.CreatePushAddressUpdate(DevicePushAddress.InProcess("new-inbox")));

        Assert.That(reply.StatusCode, Is.EqualTo(409));
        await _host.BeginAsync(PushFactorHost.Alice);
        Assert.That(_host.Transport.TryReceive("new-inbox", out _), Is.False);
    }

    private static List<string> Tokens(PushDeviceReply reply) =>
        [.. System.Text.Json.JsonDocument.Parse(reply.Json!).RootElement.GetProperty("challenges").EnumerateArray().Select(e => e.GetString()!)];

    private async Task<Mfa.Core.AuthenticatorRecord> RecordOfAsync(PushDevice device) =>
        (await _host.Provider.GetRequiredService<Mfa.Core.Storage.IAuthenticatorStore>().FindByCredentialIdAsync(Mfa.Core.Factors.FactorKinds.Push, device.CredentialId!))!;

    /// <summary>Re-labels a token's key id (the signature stays the other device's, so it must not verify).</summary>
    private static string ForgeKid(string token, string kid)
    {
        var parts = token.Split('.');
        var header = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0])))!;
        header["kid"] = kid;
        parts[0] = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(header.ToJsonString()));
        return string.Join('.', parts);
    }
}
