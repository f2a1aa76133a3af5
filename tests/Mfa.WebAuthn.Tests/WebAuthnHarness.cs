using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Testing;
using Mfa.WebAuthn.Attestation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.WebAuthn.Tests;

/// <summary>
/// A host with the MFA service, in-memory stores, a manual clock and the WebAuthn factor for <c>example.com</c>, plus
/// helpers that run whole ceremonies with a <see cref="TestAuthenticator"/>.
/// </summary>
internal sealed class WebAuthnHarness : IDisposable
{
    public const string RpId = "example.com";
    public const string Origin = "https://example.com";

    public WebAuthnHarness(Action<WebAuthnOptions>? configure = null, Action<MfaOptions>? configureMfa = null, IAuthenticatorTrustSource? trustSource = null, Action<IServiceCollection>? configureServices = null, DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        if (trustSource is not null)
        {
            services.AddSingleton(trustSource);
        }

        configureServices?.Invoke(services);
        services.AddMfa(o =>
            {
                o.SecretKey = TestKeys.SecretKey;
                configureMfa?.Invoke(o);
            })
            .UseInMemoryStores()
            .AddWebAuthn(o =>
            {
                o.RelyingPartyId = RpId;
                o.RelyingPartyName = "Example";
                o.Origins = [Origin];
                configure?.Invoke(o);
            });
        Provider = services.BuildServiceProvider();
    }

    public static MfaUser Alice { get; } = new("alice", "Alice Example");

    public static MfaUser Bob { get; } = new("bob", "Bob Example");

    public FakeTimeProvider Time { get; }

    public ServiceProvider Provider { get; }

    public IMfaService Mfa => Provider.GetRequiredService<IMfaService>();

    public WebAuthnFactor Factor => Provider.GetServices<IFactor>().OfType<WebAuthnFactor>().Single();

    /// <summary>A context as the service would give the factor at enrollment (for tests that call the factor directly).</summary>
    public EnrollmentContext EnrollmentContext(MfaUser user, IReadOnlyList<AuthenticatorRecord>? existing = null) =>
        new(user, AuthenticatorRecord.NewId(), null, Time.GetUtcNow(), Time.GetUtcNow().AddMinutes(10), existing ?? []);

    /// <summary>A context as the service would give the factor at a challenge.</summary>
    public ChallengeContext ChallengeContext(MfaUser user, IReadOnlyList<AuthenticatorRecord> authenticators) =>
        new(user, AuthenticatorRecord.NewId(), MfaPurpose.SignIn, Time.GetUtcNow(), Time.GetUtcNow().AddMinutes(2), authenticators);

    public IAuthenticatorStore Store => Provider.GetRequiredService<IAuthenticatorStore>();

    public async Task<(string EnrollmentId, string OptionsJson)> BeginEnrollmentAsync(MfaUser user, WebAuthnAuthenticatorKind kind = WebAuthnAuthenticatorKind.SecurityKey)
    {
        // The host enrolls a further authenticator only for a user who just verified (a first one needs no proof).
        user = user.JustVerified(Time);
        var begun = await Mfa.BeginEnrollmentAsync(user, new WebAuthnEnrollmentRequest(kind));
        Assert.That(begun.Succeeded, Is.True, begun.Message);
        return (begun.EnrollmentId!, begun.Prompt!.OptionsJson);
    }

    /// <summary>Enrolls <paramref name="authenticator"/> for <paramref name="user"/>, letting the test break one thing.</summary>
    public async Task<MfaOperationResult> EnrollAsync(MfaUser user, TestAuthenticator authenticator, Action<RegistrationCeremony>? change = null, WebAuthnAuthenticatorKind kind = WebAuthnAuthenticatorKind.SecurityKey)
    {
        var (enrollmentId, optionsJson) = await BeginEnrollmentAsync(user, kind);
        var ceremony = authenticator.Register(optionsJson);
        change?.Invoke(ceremony);
        return await Mfa.CompleteEnrollmentAsync(user.JustVerified(Time), enrollmentId, new WebAuthnEnrollmentResponse(ceremony.ToJson()));
    }

    public async Task<string> EnrolledAsync(MfaUser user, TestAuthenticator authenticator, WebAuthnAuthenticatorKind kind = WebAuthnAuthenticatorKind.SecurityKey)
    {
        var enrolled = await EnrollAsync(user, authenticator, kind: kind);
        Assert.That(enrolled.Succeeded, Is.True, enrolled.Message);
        return enrolled.Authenticator!.Id;
    }

    public async Task<(string ChallengeId, string OptionsJson)> BeginChallengeAsync(MfaUser user, ChallengeRequest<WebAuthnChallengePrompt>? request = null)
    {
        var begun = await Mfa.BeginChallengeAsync(user, request ?? new WebAuthnChallengeRequest(MfaPurpose.SignIn));
        Assert.That(begun.Succeeded, Is.True, begun.Message);
        return (begun.ChallengeId!, begun.Prompt!.OptionsJson);
    }

    /// <summary>Begins a passkey sign-in without a username (through the service, as a host does).</summary>
    public async Task<MfaChallengeStart<WebAuthnChallengePrompt>> BeginPasskeySignInAsync(string clientKey = "192.0.2.1")
    {
        var begun = await Mfa.BeginDiscoverableChallengeAsync(new WebAuthnChallengeRequest(MfaPurpose.SignIn), clientKey);
        Assert.That(begun.Succeeded, Is.True, begun.Message);
        return begun;
    }

    public Task<MfaVerificationResult> CompletePasskeySignInAsync(string challengeId, WebAuthnChallengeResponse response) =>
        Mfa.CompleteDiscoverableChallengeAsync(challengeId, MfaPurpose.SignIn, response);

    public Task<MfaOperationResult> ImportLegacyU2fKeyAsync(MfaUser user, LegacyU2fKey key) => Mfa.ImportAuthenticatorAsync(user.JustVerified(Time), key);

    /// <summary>Signs <paramref name="user"/> in with <paramref name="authenticator"/>, letting the test break one thing.</summary>
    public async Task<MfaVerificationResult> SignInAsync(MfaUser user, TestAuthenticator authenticator, Action<AssertionCeremony>? change = null, ChallengeRequest<WebAuthnChallengePrompt>? request = null)
    {
        var (challengeId, optionsJson) = await BeginChallengeAsync(user, request);
        var ceremony = authenticator.Assert(optionsJson);
        change?.Invoke(ceremony);
        return await Mfa.CompleteChallengeAsync(user, challengeId, request?.Purpose ?? MfaPurpose.SignIn, new WebAuthnChallengeResponse(ceremony.ToJson()));
    }

    public async Task<AuthenticatorRecord> RecordAsync(string authenticatorId) => (await Store.FindByIdAsync(authenticatorId))!;

    public void Dispose() => Provider.Dispose();
}
