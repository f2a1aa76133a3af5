using Mfa.Core;
using Mfa.Core.Secrets;
using Mfa.Core.Storage;
using Mfa.Core.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Core builder options: in-memory stores and secret protection.</summary>
public static class MfaBuilderExtensions
{
    /// <summary>Keeps all MFA state in process memory. For tests and demos only: state is lost on restart and not shared between servers.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IMfaBuilder UseInMemoryStores(this IMfaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Replace(ServiceDescriptor.Singleton<IAuthenticatorStore, InMemoryAuthenticatorStore>());
        services.Replace(ServiceDescriptor.Singleton<IChallengeStore, InMemoryChallengeStore>());
        services.Replace(ServiceDescriptor.Singleton<IReplayGuardStore, InMemoryReplayGuardStore>());
        services.Replace(ServiceDescriptor.Singleton<IAttemptCounterStore, InMemoryAttemptCounterStore>());
        services.Replace(ServiceDescriptor.Singleton<IRecoveryCodeStore, InMemoryRecoveryCodeStore>());
        services.Replace(ServiceDescriptor.Singleton<InMemoryUserSettingsStore, InMemoryUserSettingsStore>());
        services.Replace(ServiceDescriptor.Singleton<IUserSettingsStore>(sp => sp.GetRequiredService<InMemoryUserSettingsStore>()));
        services.Replace(ServiceDescriptor.Singleton<IMfaUserDirectory>(sp => sp.GetRequiredService<InMemoryUserSettingsStore>()));
        return builder;
    }

    /// <summary>Protects stored secrets with ASP.NET Core Data Protection instead of <see cref="MfaOptions.SecretKey"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <remarks>Adds Data Protection if the host has not; configure its key storage for production (keys must survive restarts and be shared by app servers).</remarks>
    public static IMfaBuilder UseDataProtection(this IMfaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDataProtection();
        builder.Services.Replace(ServiceDescriptor.Singleton<ISecretProtector, DataProtectionSecretProtector>());
        builder.Services.Configure<MfaOptions>(o => o.CustomSecretProtector = true);
        return builder;
    }
}
