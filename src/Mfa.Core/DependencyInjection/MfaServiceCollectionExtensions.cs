using Mfa.Core;
using Mfa.Core.Maintenance;
using Mfa.Core.Secrets;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Core.Throttling;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The Mfa.Sdk entry point: <c>services.AddMfa(o => …).AddTotp(…)</c>.</summary>
public static class MfaServiceCollectionExtensions
{
    /// <summary>Adds the MFA service, options (validated at start-up), the default secret protector and <see cref="TimeProvider.System"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures <see cref="MfaOptions"/>.</param>
    /// <returns>The builder to add factors and a store to.</returns>
    /// <remarks>A store must be added too: <c>UseSqlite</c>, <c>UsePostgreSql</c>, or <c>UseInMemoryStores</c> for tests.</remarks>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "Both overloads take an optional configure/cancellation argument by design (STYLE §2); the package is pre-1.0.")]
    public static IMfaBuilder AddMfa(this IServiceCollection services, Action<MfaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MfaOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MfaOptions>, MfaOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISecretProtector, AesGcmSecretProtector>();
        services.TryAddSingleton<IMfaClientRateLimiter, FixedWindowClientRateLimiter>();
        services.TryAddSingleton<ISignInStore, ComposedSignInStore>();
        services.TryAddSingleton<IEnrollmentStore, SequentialEnrollmentStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MfaMaintenanceService>());
        services.TryAddSingleton<IMfaService, MfaService>();
        return new MfaBuilder(services);
    }

    /// <summary>
    /// Adds the MFA service with its options read from a configuration section (for example
    /// <c>builder.Configuration.GetSection("Mfa")</c>): <c>SecretKey</c> as base64 (<c>mfa keygen</c> makes one), lifetimes as
    /// <c>hh:mm:ss</c>, limits as numbers, <c>AllowedFactors</c> as an array. <paramref name="configure"/> runs after, to override.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to read.</param>
    /// <param name="configure">Further configuration, applied after the section.</param>
    /// <returns>The MFA builder, to add factors and stores.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "Both overloads take an optional configure/cancellation argument by design (STYLE §2); the package is pre-1.0.")]
    public static IMfaBuilder AddMfa(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration, Action<MfaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddMfa(o =>
        {
            MfaOptionsConfiguration.Bind(configuration, o);
            configure?.Invoke(o);
        });
    }
}
