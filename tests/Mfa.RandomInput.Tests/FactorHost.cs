using Mfa.Core;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Totp;
using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;
using Mfa.WebAuthn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mfa.RandomInput.Tests;

/// <summary>
/// The MFA service with in-memory stores, TOTP and WebAuthn, a manual clock and an attempt counter that never counts;
/// <see cref="Alice"/> has a TOTP authenticator, a security key (also a passkey) and recovery codes.
/// </summary>
internal sealed class FactorHost : IDisposable
{
    public const string Origin = "https://example.com";

    private FactorHost()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddMfa(o =>
            {
                o.SecretKey = TestKeys.SecretKey;
                o.RecoveryCodeHashIterations = 1_000;
            })
            .UseInMemoryStores()
            .AddTotp()
            .AddWebAuthn(o =>
            {
                o.RelyingPartyId = "example.com";
                o.RelyingPartyName = "Example";
                o.Origins = [Origin];
                o.SecurityKeyResidentKey = ResidentKeyRequirement.Required;
            });
        services.Replace(ServiceDescriptor.Singleton<IAttemptCounterStore, UncountedAttempts>());
        Provider = services.BuildServiceProvider();
    }

    public static MfaUser Alice { get; } = new("alice", "Alice Example");

    /// <summary>Alice with a fresh proof: a further factor's enrollment needs one.</summary>
    public MfaUser Verified => Alice.JustVerified(Time);

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public ServiceProvider Provider { get; }

    public IMfaService Mfa => Provider.GetRequiredService<IMfaService>();

    public TestAuthenticator Key { get; } = new(Origin);

    public byte[] TotpSecret { get; private set; } = [];

    public static async Task<FactorHost> StartAsync()
    {
        var host = new FactorHost();
        var begun = await host.Mfa.BeginEnrollmentAsync(Alice, new TotpEnrollmentRequest());
        Assert.That(Base32.TryDecode(begun.Prompt!.SecretBase32, out var secret, out _), Is.True);
        host.TotpSecret = secret!;
        var totp = await host.Mfa.CompleteEnrollmentAsync(Alice, begun.EnrollmentId!, new TotpEnrollmentResponse(host.CurrentTotpCode()));
        Assert.That(totp.Succeeded, Is.True, totp.Message);
        var verified = Alice with { LastVerifiedAt = host.Time.GetUtcNow() }; // a second factor needs a recent proof
        var key = await host.Mfa.BeginEnrollmentAsync(verified, new WebAuthnEnrollmentRequest(WebAuthnAuthenticatorKind.SecurityKey));
        var webAuthn = await host.Mfa.CompleteEnrollmentAsync(verified, key.EnrollmentId!, new WebAuthnEnrollmentResponse(host.Key.Register(key.Prompt!.OptionsJson).ToJson()));
        Assert.That(webAuthn.Succeeded, Is.True, webAuthn.Message);
        var codes = await host.Mfa.GenerateRecoveryCodesAsync(verified);
        Assert.That(codes.Codes, Is.Not.Empty);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        return host;
    }

    public string CurrentTotpCode() => TotpCode.Generate(TotpSecret, Time.GetUtcNow(), TotpParameters.Default);

    public Task<string> SnapshotAsync() => StoreSnapshot.TakeAsync(Provider, Alice.Id);

    public void Dispose()
    {
        Key.Dispose();
        Provider.Dispose();
    }
}
