using System.Globalization;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Storage.Relational;
using Mfa.Testing.WebAuthn;
using Mfa.Totp;
using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;
using Mfa.WebAuthn;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Benchmarks.Storage;

/// <summary>One store behind a fresh container, with TOTP and WebAuthn users enrolled for every caller.</summary>
public sealed class StoreTarget : IAsyncDisposable
{
    private const string Origin = "https://example.com";
    private static readonly DateTimeOffset s_start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider _provider;
    private readonly Func<Task>? _cleanup;
    private readonly FlowTimeProvider _time = new(s_start);
    private readonly List<(MfaUser User, byte[] Secret, DateTimeOffset[] Now)> _totpUsers = [];
    private readonly List<(MfaUser User, TestAuthenticator Key)> _webAuthnUsers = [];
    private readonly RelationalStatistics? _statistics;
    private readonly StepTimings? _timings;

    /// <summary>A store behind a fresh container; with <paramref name="timings"/>, each step of a sign-in is timed into it.</summary>
    public StoreTarget(Action<IMfaBuilder> useStore, Func<Task>? cleanup, StepTimings? timings = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        var builder = services.AddMfa(o => o.SecretKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        useStore(builder);
        builder.AddTotp();
        builder.AddWebAuthn(o =>
        {
            o.RelyingPartyId = "example.com";
            o.RelyingPartyName = "Example";
            o.Origins = [Origin];
        });
        _timings = timings;
        if (timings is not null)
        {
            Decorate<ISignInStore>(services, inner => new TimedSignInStore(inner, timings));
            Decorate<IChallengeStore>(services, inner => new TimedChallengeStore(inner, timings));
            Decorate<IFactor>(services, inner => new TimedFactor(inner, timings));
        }

        _provider = services.BuildServiceProvider();
        _cleanup = cleanup;
        if (_provider.GetService<RelationalDatabase>() is { } database)
        {
            _statistics = new RelationalStatistics();
            database.Statistics = _statistics;
        }
    }

    private IMfaService Mfa => _provider.GetRequiredService<IMfaService>();

    /// <summary>Reads the database's command and commit counts, for stores that count them.</summary>
    public Func<(long Commands, long Commits)>? Counters => _statistics is { } s ? () => (s.Commands, s.Commits) : null;

    /// <summary>Enrolls one TOTP user and one WebAuthn (ES256 security key) user per caller.</summary>
    public async Task EnrollAsync(int callers)
    {
        for (var i = _totpUsers.Count; i < callers; i++)
        {
            _time.Set(s_start);
            var user = new MfaUser("totp-" + i.ToString(CultureInfo.InvariantCulture), "User");
            var begun = await Mfa.BeginEnrollmentAsync(user, new TotpEnrollmentRequest());
            Base32.TryDecode(begun.Prompt!.SecretBase32, out var secret, out _);
            var completed = await Mfa.CompleteEnrollmentAsync(user, begun.EnrollmentId!, new TotpEnrollmentResponse(TotpCode.Generate(secret!, s_start, TotpParameters.Default)));
            Check(completed.Succeeded, completed.FailureReason);
            _totpUsers.Add((user, secret!, [s_start]));

            var webAuthnUser = new MfaUser("webauthn-" + i.ToString(CultureInfo.InvariantCulture), "User");
            var key = new TestAuthenticator(Origin);
            var registration = await Mfa.BeginEnrollmentAsync(webAuthnUser, new WebAuthnEnrollmentRequest(WebAuthnAuthenticatorKind.SecurityKey));
            var registered = await Mfa.CompleteEnrollmentAsync(webAuthnUser, registration.EnrollmentId!, new WebAuthnEnrollmentResponse(key.Register(registration.Prompt!.OptionsJson).ToJson()));
            Check(registered.Succeeded, registered.FailureReason);
            _webAuthnUsers.Add((webAuthnUser, key));
        }
    }

    /// <summary>A TOTP sign-in of caller <paramref name="caller"/>: its clock moves one step on, and it signs in with that step's code.</summary>
    public async Task<string?> SignInWithTotpAsync(int caller)
    {
        var (user, secret, clock) = _totpUsers[caller];
        var now = clock[0] += TimeSpan.FromSeconds(30);
        _time.Set(now);
        var challenge = await Mfa.BeginChallengeAsync(user, new ChallengeRequest(FactorKinds.Totp, MfaPurpose.SignIn));
        if (!challenge.Succeeded)
        {
            return "begin " + challenge.FailureReason;
        }

        var code = Client(() => TotpCode.Generate(secret, now, TotpParameters.Default));
        var result = await Mfa.CompleteChallengeAsync(user, challenge.ChallengeId!, MfaPurpose.SignIn, new TotpChallengeResponse(code));
        return result.Succeeded ? null : "complete " + result.FailureReason;
    }

    /// <summary>Only the begin step of a TOTP sign-in (its challenge is left to expire): what begin costs on its own.</summary>
    public async Task<string?> BeginTotpAsync(int caller)
    {
        var challenge = await Mfa.BeginChallengeAsync(_totpUsers[caller].User, new ChallengeRequest(FactorKinds.Totp, MfaPurpose.SignIn));
        return challenge.Succeeded ? null : "begin " + challenge.FailureReason;
    }

    /// <summary>A WebAuthn ES256 sign-in of caller <paramref name="caller"/> (its key's counter goes up by one each time).</summary>
    public async Task<string?> SignInWithWebAuthnAsync(int caller)
    {
        var (user, key) = _webAuthnUsers[caller];
        var challenge = await Mfa.BeginChallengeAsync(user, new WebAuthnChallengeRequest(MfaPurpose.SignIn));
        if (!challenge.Succeeded)
        {
            return "begin " + challenge.FailureReason;
        }

        var assertion = Client(() => key.Assert(challenge.Prompt!.OptionsJson).ToJson());
        var result = await Mfa.CompleteChallengeAsync(user, challenge.ChallengeId!, MfaPurpose.SignIn, new WebAuthnChallengeResponse(assertion));
        return result.Succeeded ? null : "complete " + result.FailureReason;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, key) in _webAuthnUsers)
        {
            key.Dispose();
        }

        await _provider.DisposeAsync();
        if (_cleanup is not null)
        {
            await _cleanup();
        }
    }

    /// <summary>
    /// Replaces every registration of <typeparamref name="T"/> with <paramref name="wrap"/> around what it registered
    /// (an instance, a factory or a type), so that the container builds the original and hands out the wrapper.
    /// </summary>
    private static void Decorate<T>(ServiceCollection services, Func<T, T> wrap)
        where T : class
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(T) || descriptor.IsKeyedService)
            {
                continue;
            }

            Func<IServiceProvider, T> original = descriptor switch
            {
                { ImplementationInstance: T instance } => _ => instance,
                { ImplementationFactory: { } factory } => sp => (T)factory(sp),
                _ => sp => (T)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!),
            };
            services[i] = ServiceDescriptor.Describe(typeof(T), sp => wrap(original(sp)), descriptor.Lifetime);
        }
    }

    private T Client<T>(Func<T> work) => _timings is { } timings ? timings.Time(StepTimings.Client, work) : work();

    private static void Check(bool succeeded, MfaFailureReason reason)
    {
        if (!succeeded)
        {
            throw new InvalidOperationException("Benchmark enrollment failed: " + reason);
        }
    }
}
