using System.Security.Cryptography;
using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Storage;
using Mfa.Push.Device;
using Mfa.Push.Factor;
using Mfa.Push.Transports.InProcess;
using Mfa.Specification.Factors;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Push.Tests.Specification;

/// <summary>
/// The factor conventions (<see cref="FactorSpecification{TEnrollmentPrompt}"/>) for push: a phone (<see cref="PushDevice"/>)
/// enrolls from the QR link, fetches the signed challenge, answers through the service, and the page polls.
/// </summary>
[TestFixture]
public sealed class PushFactorSpecificationTests : FactorSpecification<PushEnrollmentPrompt>
{
    private readonly List<PushDevice> _devices = [];
    private ECDsa _serverKey = null!;
    private PushDevice? _device;
    private PushEnrollmentLink? _link;
    private PushEnrollmentResponse? _response;

    protected override string Kind => FactorKinds.Push;

    [TearDown]
    public void DisposeDevices()
    {
        foreach (var device in _devices)
        {
            device.Dispose();
        }

        _devices.Clear();
        _device = null;
        _link = null;
        _response = null;
        _serverKey.Dispose();
    }

    protected override void AddFactor(IMfaBuilder mfa)
    {
        _serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = _serverKey;
        mfa.AddPush(o =>
        {
            o.VerifierId = "https://login.example.com";
            o.IssuerLabel = "Contoso";
            o.ChallengeSigningKey = key;
            o.ChallengeSigningKeyId = "srv-spec";
            o.AllowInProcessAddresses = true;
        }).AddInProcess(new InProcessPushTransport());
    }

    protected override EnrollmentRequest<PushEnrollmentPrompt> EnrollmentRequest(string? name) => new PushEnrollmentRequest { Name = name };

    protected override Task<EnrollmentResponse> AnswerEnrollmentAsync(string enrollmentId, PushEnrollmentPrompt prompt)
    {
        var request = EnrollmentRequestOf(prompt, out var device);
        Assert.That(PushEnrollmentLink.TryParse(prompt.EnrollmentUri, out _link, out _), Is.True);
        _device = device;
        _response = new PushEnrollmentResponse(request);
        return Task.FromResult<EnrollmentResponse>(_response);
    }

    /// <summary>A request whose signature does not verify (one signature byte changed, still valid base64url).</summary>
    protected override Task<EnrollmentResponse> WrongEnrollmentAnswerAsync(string enrollmentId, PushEnrollmentPrompt prompt) =>
        Task.FromResult<EnrollmentResponse>(new PushEnrollmentResponse(ForgeSignature(EnrollmentRequestOf(prompt, out _))));

    /// <summary>Each challenge from its own sign-in client: the spec's one-pending-per-client limit stays out of the way.</summary>
    protected override ChallengeRequest ChallengeRequest(MfaPurpose purpose) => new PushChallengeRequest(purpose) { ClientKey = Guid.NewGuid().ToString("N") };

    protected override Task<ChallengeResponse> AnswerChallengeAsync(string challengeId, ChallengePrompt prompt) =>
        RespondAsync(challengeId, (PushChallengePrompt)prompt, PushDeviceAction.Approve);

    protected override Task<ChallengeResponse> WrongChallengeAnswerAsync(string challengeId, ChallengePrompt prompt) =>
        RespondAsync(challengeId, (PushChallengePrompt)prompt, PushDeviceAction.Deny);

    private string EnrollmentRequestOf(PushEnrollmentPrompt prompt, out PushDevice device)
    {
        Assert.That(PushEnrollmentLink.TryParse(prompt.EnrollmentUri, out var link, out _), Is.True);
        device = PushDevice.Create(true, Time);
        _devices.Add(device);
        return device.CreateEnrollmentRequest(link!, new PushDeviceInfo("android", "Spec phone", "1.0", "16"), DevicePushAddress.InProcess("spec-" + _devices.Count));
    }

    /// <summary>The phone fetches the token it was sent, answers, and the page then polls.</summary>
    private async Task<ChallengeResponse> RespondAsync(string challengeId, PushChallengePrompt prompt, PushDeviceAction action)
    {
        Assert.That(_device, Is.Not.Null, "Enroll first.");
        if (_device!.CredentialId is null)
        {
            // The phone stores the server's reply to its enrollment (push spec §3.4) once the service accepted it.
            Assert.That(_device.CompleteEnrollment(_link!, _response!.DeviceResponseJson!), Is.EqualTo(PushDeviceError.None));
        }

        var pending = await Host.GetRequiredService<IChallengeStore>().FindAsync(challengeId);
        var state = JsonSerializer.Deserialize(pending!.State.Span, PushJsonContext.Default.PushChallengeState)!;
        var read = _device!.ReadChallenge(state.FindTarget(_device.CredentialId!)!.Token);
        if (read.Challenge is { } challenge
            && _device.TryAnswer(challenge, action, action == PushDeviceAction.Approve ? prompt.DisplayNumber : null, PushDeviceDenyReason.None, out var token) == PushDeviceError.None)
        {
            RecordSecret(token.Split('.')[2]);
            await Mfa.AnswerChallengeAsync(challengeId, new PushChallengeAnswer(token));
        }

        return PushPollResponse.Instance;
    }

    private static string ForgeSignature(string token)
    {
        var parts = token.Split('.');
        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]);
        signature[0] ^= 0x01;
        return parts[0] + "." + parts[1] + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);
    }
}
