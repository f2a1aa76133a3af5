using Mfa.Core;
using Mfa.Core.Storage;
using Mfa.Testing;
using Mfa.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Totp.Tests.Secrets;

/// <summary>
/// App "deployments" over one set of in-memory stores: each has its own key settings (and so its own protector), as a
/// host restarted with a new key ring would, while the stored records stay.
/// </summary>
internal sealed class RotationHost : IDisposable
{
    public const string NewKeyId = "2026-12";

    private readonly List<ServiceProvider> _providers = [];
    private ServiceProvider? _stores;

    public RotationHost(FakeTimeProvider time) => Time = time;

    /// <summary>A second key, newly generated for the rotation.</summary>
    public static byte[] NewKey => [.. Enumerable.Range(101, 32).Select(i => (byte)i)];

    public FakeTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Only the old key (<c>SecretKey</c>, id "default"), as before the rotation.</summary>
    public static void OldKeyOnly(MfaOptions options) => options.SecretKey = TestKeys.SecretKey;

    /// <summary>Both keys, the new one primary: the deployment that starts the rotation.</summary>
    public static void Rotated(MfaOptions options)
    {
        options.SecretKey = TestKeys.SecretKey;
        options.SecretKeys[NewKeyId] = NewKey;
        options.PrimarySecretKeyId = NewKeyId;
    }

    /// <summary>Only the new key: the old one removed after re-encryption.</summary>
    public static void NewKeyOnly(MfaOptions options) => options.SecretKeys[NewKeyId] = NewKey;

    /// <summary>Starts a deployment with these key settings over the shared stores.</summary>
    public ServiceProvider Start(Action<MfaOptions> keys, Action<IMfaBuilder>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddLogging(b => b.AddProvider(Logs));
        var builder = collection.AddMfa(o =>
        {
            o.ThrottleMaxFailures = 1000;
            keys(o);
        }).UseInMemoryStores().AddTotp().AddHotp();
        if (_stores is { } first)
        {
            collection.AddSingleton(first.GetRequiredService<IAuthenticatorStore>());
            collection.AddSingleton(first.GetRequiredService<IChallengeStore>());
            collection.AddSingleton(first.GetRequiredService<IReplayGuardStore>());
            collection.AddSingleton(first.GetRequiredService<IAttemptCounterStore>());
            collection.AddSingleton(first.GetRequiredService<IRecoveryCodeStore>());
            collection.AddSingleton(first.GetRequiredService<IUserSettingsStore>());
            collection.AddSingleton(first.GetRequiredService<IMfaUserDirectory>());
        }

        services?.Invoke(builder);
        var provider = collection.BuildServiceProvider();
        _stores ??= provider;
        _providers.Add(provider);
        return provider;
    }

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        Logs.Dispose();
    }
}
