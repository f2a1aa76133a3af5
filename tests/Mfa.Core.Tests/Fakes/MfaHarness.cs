using Mfa.Testing.Logging;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mfa.Core.Tests.Fakes;

/// <summary>
/// A valid MFA setup through DI: <c>AddMfa(...).UseInMemoryStores()</c>, a <see cref="ManualTimeProvider"/>, captured logs,
/// and two <see cref="CodeFactor"/>s (kinds <c>code</c> and <c>other</c>). Tests change one thing through the callbacks.
/// </summary>
public sealed class MfaHarness : IDisposable
{
    public const string OtherKind = "other";

    public MfaHarness(Action<MfaOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        Factor = new CodeFactor(CodeFactor.DefaultKind, Time);
        Other = new CodeFactor(OtherKind, Time);
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        collection.AddMfa(o =>
            {
                o.SecretKey = TestKeys.SecretKey;
                o.RecoveryCodeHashIterations = 1_000;
                configure?.Invoke(o);
            })
            .UseInMemoryStores();
        collection.AddSingleton<IFactor>(Factor);
        collection.AddSingleton<IFactor>(Other);
        collection.AddSingleton<IFactor>(Approval);
        services?.Invoke(collection);
        Provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Service = Provider.GetRequiredService<IMfaService>();
    }

    public static MfaUser Alice { get; } = new("alice", "Alice");

    public static MfaUser Bob { get; } = new("bob", "Bob");

    public ManualTimeProvider Time { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public CodeFactor Factor { get; }

    public CodeFactor Other { get; }

    /// <summary>An out-of-band factor: a "device" answers, the page polls.</summary>
    public ApprovalFactor Approval { get; } = new();

    public ServiceProvider Provider { get; }

    public IMfaService Service { get; }

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>Enrolls a <c>code</c> (or <paramref name="kind"/>) authenticator and returns its id.</summary>
    public async Task<string> EnrollAsync(MfaUser user, string name = "Phone", string kind = CodeFactor.DefaultKind)
    {
        // A host enrolls a further authenticator only for a user who just verified (a first one needs no proof).
        user = user.JustVerified(Time);
        var start = await Service.BeginEnrollmentAsync(user, new CodeEnrollmentRequest(kind) { Name = name });
        if (!start.Succeeded)
        {
            throw new AssertionException(start.ToString());
        }

        var done = await Service.CompleteEnrollmentAsync(user, start.EnrollmentId, new CodeEnrollmentResponse(kind, start.Prompt!.Code));
        if (!done.Succeeded)
        {
            throw new AssertionException(done.ToString());
        }

        return done.Authenticator.Id;
    }

    /// <summary>Begins a challenge that must succeed; returns its id and the code it expects.</summary>
    public async Task<(string Id, string Code)> BeginAsync(MfaUser user, MfaPurpose? purpose = null, string? authenticatorId = null, string kind = CodeFactor.DefaultKind)
    {
        var start = await Service.BeginChallengeAsync(user, new ChallengeRequest(kind, purpose ?? MfaPurpose.SignIn) { AuthenticatorId = authenticatorId });
        if (!start.Succeeded)
        {
            throw new AssertionException(start.ToString());
        }

        return (start.ChallengeId, ((CodeChallengePrompt)start.Prompt!).Code);
    }

    public Task<MfaVerificationResult> CompleteAsync(MfaUser user, string challengeId, string code, MfaPurpose? purpose = null, string kind = CodeFactor.DefaultKind, string? authenticatorId = null) =>
        Service.CompleteChallengeAsync(user, challengeId, purpose ?? MfaPurpose.SignIn, new CodeChallengeResponse(kind, code, authenticatorId));

    /// <summary>Begins a sign-in challenge and answers it correctly.</summary>
    public async Task<MfaVerificationResult> PassAsync(MfaUser user, string? authenticatorId = null)
    {
        var (id, code) = await BeginAsync(user, authenticatorId: authenticatorId);
        return await CompleteAsync(user, id, code, authenticatorId: authenticatorId);
    }

    /// <summary>Begins a sign-in challenge and answers it with a wrong code.</summary>
    public async Task<MfaVerificationResult> FailAsync(MfaUser user, string? authenticatorId = null)
    {
        var (id, _) = await BeginAsync(user, authenticatorId: authenticatorId);
        return await CompleteAsync(user, id, CodeFactor.NewCode(), authenticatorId: authenticatorId);
    }

    /// <summary>Enrolls an approval "device" for the user; returns its id.</summary>
    public async Task<string> EnrollDeviceAsync(MfaUser user)
    {
        user = user.JustVerified(Time);
        var start = await Service.BeginEnrollmentAsync(user, new CodeEnrollmentRequest(ApprovalFactor.FactorKind) { Name = "Phone" });
        var done = await Service.CompleteEnrollmentAsync(user, start.EnrollmentId!, new CodeEnrollmentResponse(ApprovalFactor.FactorKind, "device"));
        Assert.That(done.Succeeded, Is.True, done.Message);
        return done.Authenticator!.Id;
    }

    /// <summary>Begins an approval challenge; returns its id and the nonce the device answers with.</summary>
    public async Task<(string Id, ReadOnlyMemory<byte> Nonce)> BeginApprovalAsync(MfaUser user, MfaPurpose? purpose = null)
    {
        var start = await Service.BeginChallengeAsync(user, new ApprovalChallengeRequest(purpose ?? MfaPurpose.SignIn));
        Assert.That(start.Succeeded, Is.True, start.Message);
        return (start.ChallengeId!, start.Prompt!.Nonce);
    }

    public Task<MfaVerificationResult> PollAsync(MfaUser user, string challengeId, MfaPurpose? purpose = null) =>
        Service.CompleteChallengeAsync(user, challengeId, purpose ?? MfaPurpose.SignIn, new ApprovalPoll());

    public void Dispose() => Provider.Dispose();
}
