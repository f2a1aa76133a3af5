using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Duo.Emulator;
using Mfa.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Duo.Tests.Factor;

/// <summary>
/// An app server: <c>AddMfa(...).UseInMemoryStores()</c> (or another store) <c>.AddDuo(...)</c> against a running emulator,
/// one manual clock, captured logs. <see cref="Alice"/> is a Duo user (passcode 123456) and is enrolled unless told not to.
/// </summary>
internal sealed class DuoFactorHost : IAsyncDisposable
{
    private readonly bool _ownsEmulator;

    private DuoFactorHost(FakeTimeProvider time, DuoEmulator emulator, bool ownsEmulator, ServiceProvider services, LogCapture logs)
    {
        Time = time;
        Duo = emulator;
        _ownsEmulator = ownsEmulator;
        Services = services;
        Logs = logs;
    }

    public static MfaUser Alice { get; } = new("alice", "Alice");

    public FakeTimeProvider Time { get; }

    public DuoEmulator Duo { get; }

    public ServiceProvider Services { get; }

    public LogCapture Logs { get; }

    public IMfaService Service => Services.GetRequiredService<IMfaService>();

    public IFactor Factor => Services.GetServices<IFactor>().Single(f => f.Kind == FactorKinds.Duo);

    public static async Task<DuoFactorHost> StartAsync(Action<DuoOptions>? configure = null, bool enroll = true)
    {
        var time = new FakeTimeProvider(DuoTestHost.Start);
        var emulator = await DuoEmulator.StartAsync(new DuoEmulatorOptions { TimeProvider = time });
        emulator.AddUser("alice").WithPasscode("123456");
        var host = Create(time, emulator, ownsEmulator: true, configure, b => b.UseInMemoryStores());
        if (enroll)
        {
            await host.EnrollAsync(Alice);
        }

        return host;
    }

    /// <summary>A second app server on the same emulator and clock, with its own store wiring.</summary>
    public static DuoFactorHost Create(FakeTimeProvider time, DuoEmulator emulator, bool ownsEmulator, Action<DuoOptions>? configure, Action<IMfaBuilder> stores)
    {
        var logs = new LogCapture();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var builder = services.AddMfa(o => o.SecretKey = TestKeys.SecretKey);
        stores(builder);
        builder.AddDuo(o =>
        {
            DuoTestHost.UseEmulator(o, emulator);
            configure?.Invoke(o);
        });
        return new DuoFactorHost(time, emulator, ownsEmulator, services.BuildServiceProvider(), logs);
    }

    public async Task<string> EnrollAsync(MfaUser user, string? username = null)
    {
        user = user.JustVerified(Time);
        var start = await Service.BeginEnrollmentAsync(user, new DuoEnrollmentRequest { Username = username });
        Assert.That(start.Succeeded, Is.True, start.ToString());
        var done = await Service.CompleteEnrollmentAsync(user, start.EnrollmentId!, new DuoEnrollmentResponse());
        Assert.That(done.Succeeded, Is.True, done.ToString());
        return done.Authenticator!.Id;
    }

    public Task<MfaChallengeStart<DuoChallengePrompt>> BeginAsync(DuoChallengeMode mode, MfaUser? user = null) =>
        Service.BeginChallengeAsync(user ?? Alice, new DuoChallengeRequest(MfaPurpose.SignIn, mode));

    public Task<MfaVerificationResult> CompleteAsync(string challengeId, ChallengeResponse response, MfaUser? user = null) =>
        Service.CompleteChallengeAsync(user ?? Alice, challengeId, MfaPurpose.SignIn, response);

    /// <summary>Polls until the outcome is terminal (the emulator answers "waiting" a scripted number of times).</summary>
    public async Task<(MfaVerificationResult Result, int Pending)> PollAsync(string challengeId)
    {
        for (var pending = 0; pending < 10; pending++)
        {
            var result = await CompleteAsync(challengeId, new DuoPollResponse());
            if (!result.IsPending)
            {
                return (result, pending);
            }
        }

        throw new AssertionException("still pending after 10 polls");
    }

    public bool Logged(LogLevel level, int eventId) => Logs.Events.Any(e => e.Level == level && e.EventId == eventId);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_ownsEmulator)
        {
            await Duo.DisposeAsync();
        }
    }
}
