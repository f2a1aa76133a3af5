using System.Security.Cryptography;
using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Push.AntiFatigue;
using Mfa.Push.Device;
using Mfa.Push.Factor;
using Mfa.Push.Transports;
using Mfa.Push.Transports.InProcess;
using Mfa.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Push.Tests.Factor;

/// <summary>
/// The MFA service with the push factor (in-memory stores, in-process transport, manual clock, captured logs) and
/// phones (<see cref="PushDevice"/>) enrolled through <see cref="IMfaService"/>.
/// </summary>
internal sealed class PushFactorHost : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private int _phones;

    public PushFactorHost(Action<PushOptions>? configure = null, IPushTransport? extraTransport = null, IPushFatigueCounters? counters = null, Action<IMfaBuilder>? stores = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        var mfa = services.AddMfa(o => o.SecretKey = TestKeys.SecretKey);
        (stores ?? (b => b.UseInMemoryStores()))(mfa);
        var push = mfa.AddPush(o =>
            {
                o.VerifierId = "https://login.example.com";
                o.IssuerLabel = "Contoso";
                o.ChallengeSigningKey = ServerKey;
                o.ChallengeSigningKeyId = "srv-test";
                o.AllowInProcessAddresses = true;
                configure?.Invoke(o);
            });
        if (extraTransport is not null)
        {
            services.AddSingleton(extraTransport);
        }
        else
        {
            push.AddInProcess(Transport);
        }

        if (counters is not null)
        {
            services.AddSingleton(counters);
        }

        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Service = Provider.GetRequiredService<IMfaService>();
    }

    public static MfaUser Alice { get; } = new("alice", "Alice");

    public static MfaUser Bob { get; } = new("bob", "Bob");

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(1767225600));

    public ECDsa ServerKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public InProcessPushTransport Transport { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public ServiceProvider Provider { get; }

    public IMfaService Service { get; }

    /// <summary>A phone with its in-process address id, enrolled for <paramref name="user"/> through the service (push spec §3).</summary>
    public async Task<(PushDevice Device, string Inbox)> EnrollAsync(MfaUser user, bool withUvKey = true)
    {
        user = user.JustVerified(Time);
        var start = await Service.BeginEnrollmentAsync(user, new PushEnrollmentRequest { AccountLabel = user.Id + "@example.com" });
        Assert.That(start.Succeeded, Is.True, start.Message);
        Assert.That(PushEnrollmentLink.TryParse(start.Prompt!.EnrollmentUri, out var link, out _), Is.True);
        var device = PushDevice.Create(withUvKey, Time);
        _owned.Add(device);
        var inbox = "phone-" + Interlocked.Increment(ref _phones);
        var request = device.CreateEnrollmentRequest(link!, new PushDeviceInfo("android", "Test phone", "1.0", "16"), DevicePushAddress.InProcess(inbox));

        // The host's enroll endpoint: the token names the service's enrollment id; the host knows whose it is.
        Assert.That(PushEnrollmentResponse.TryReadEnrollmentId(request, out var enrollmentId), Is.True);
        Assert.That(enrollmentId, Is.EqualTo(start.EnrollmentId));
        var response = new PushEnrollmentResponse(request);
        var completed = await Service.CompleteEnrollmentAsync(user, enrollmentId, response);
        Assert.That(completed.Succeeded, Is.True, completed.Message);
        Assert.That(device.CompleteEnrollment(link!, response.DeviceResponseJson!), Is.EqualTo(PushDeviceError.None));
        return (device, inbox);
    }

    /// <summary>Begins a push challenge; <paramref name="clientKey"/> names the sign-in client (one pending challenge per client, spec §8).</summary>
    public Task<MfaChallengeStart<PushChallengePrompt>> BeginAsync(MfaUser user, MfaPurpose? purpose = null, string? clientKey = null) =>
        Service.BeginChallengeAsync(user, new PushChallengeRequest(purpose ?? MfaPurpose.SignIn) { Application = "Contoso Portal", IpAddress = "203.0.113.7", ClientKey = clientKey });

    public Task<MfaVerificationResult> PollAsync(MfaUser user, string challengeId, MfaPurpose? purpose = null) =>
        Service.CompleteChallengeAsync(user, challengeId, purpose ?? MfaPurpose.SignIn, PushPollResponse.Instance);

    /// <summary>The device fetch (push spec §4.6), read from the challenge store: the token this device was sent.</summary>
    public async Task<PushDeviceChallenge> FetchAsync(PushDevice device, string challengeId)
    {
        var pending = await Provider.GetRequiredService<IChallengeStore>().FindAsync(challengeId);
        Assert.That(pending, Is.Not.Null);
        var state = JsonSerializer.Deserialize(pending!.State.Span, PushJsonContext.Default.PushChallengeState)!;
        var token = state.FindTarget(device.CredentialId!)?.Token ?? throw new InvalidOperationException("not sent to this device");
        var read = device.ReadChallenge(token);
        Assert.That(read.Error, Is.EqualTo(PushDeviceError.None));
        return read.Challenge!;
    }

    /// <summary>The phone answers (signs a response JWS) with <paramref name="number"/>, by default the one the page shows.</summary>
    public async Task<string> SignAnswerAsync(PushDevice device, MfaChallengeStart<PushChallengePrompt> start, PushDeviceAction action, string? number = null)
    {
        var challenge = await FetchAsync(device, start.ChallengeId!);
        var error = device.TryAnswer(challenge, action, action == PushDeviceAction.Approve ? number ?? start.Prompt!.DisplayNumber : number, PushDeviceDenyReason.None, out var token);
        Assert.That(error, Is.EqualTo(PushDeviceError.None));
        return token;
    }

    public async Task<MfaAnswerResult> AnswerAsync(PushDevice device, MfaChallengeStart<PushChallengePrompt> start, PushDeviceAction action, string? number = null) =>
        await Service.AnswerChallengeAsync(start.ChallengeId!, new PushChallengeAnswer(await SignAnswerAsync(device, start, action, number)));

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        Provider.Dispose();
        ServerKey.Dispose();
    }
}
