using System.Diagnostics.CodeAnalysis;
using Mfa.Push.Transports;
using Mfa.Push.Transports.Apns;
using Mfa.Push.Transports.Fcm;
using Mfa.Push.Transports.Retry;
using Mfa.Push.Transports.WebPush;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the network push transports as <see cref="IPushTransport"/> services (one per
/// <see cref="PushAddressKind"/>), each wrapped in retries (<see cref="PushRetryOptions"/>) and using a named
/// <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>.
/// </summary>
public static class PushTransportsServiceCollectionExtensions
{
    /// <summary>Adds the Web Push transport (RFC 8030 / RFC 8291 / RFC 8292) with options validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="WebPushOptions"/> (the VAPID key pair and subject are required).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddWebPushTransport(this IServiceCollection services, Action<WebPushOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddOptions<WebPushOptions, WebPushOptionsValidator>(services, configure);
        services.AddHttpClient(WebPushOptions.HttpClientName);
        return AddTransport<WebPushTransport>(services);
    }

    /// <summary>Adds the Firebase Cloud Messaging HTTP v1 transport with options validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="FcmOptions"/> (the service-account JSON is required).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddFcmTransport(this IServiceCollection services, Action<FcmOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddOptions<FcmOptions, FcmOptionsValidator>(services, configure);
        services.AddHttpClient(FcmOptions.HttpClientName);
        services.TryAddSingleton<FcmAccessTokenSource>();
        return AddTransport<FcmTransport>(services);
    }

    /// <summary>Adds the Apple Push Notification service transport (HTTP/2, token authentication) with options validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="ApnsOptions"/> (key id, team id, topic and the .p8 key are required).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddApnsTransport(this IServiceCollection services, Action<ApnsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddOptions<ApnsOptions, ApnsOptionsValidator>(services, configure);
        services.AddHttpClient(ApnsOptions.HttpClientName)
            .ConfigureHttpClient(ApnsTransport.ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(ApnsTransport.CreateHandler)

            // Apple asks providers to keep connections open: no handler rotation (the handler's pool recycles connections).
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return AddTransport<ApnsTransport>(services);
    }

    /// <summary>Configures the retries every transport added here is wrapped in.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="PushRetryOptions"/>.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection ConfigurePushTransportRetry(this IServiceCollection services, Action<PushRetryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddOptions<PushRetryOptions, PushRetryOptionsValidator>(services, configure);
        return services;
    }

    private static void AddOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(IServiceCollection services, Action<TOptions>? configure)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        var options = services.AddOptions<TOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }

    private static IServiceCollection AddTransport<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TTransport>(IServiceCollection services)
        where TTransport : class, IPushTransport
    {
        services.TryAddSingleton(TimeProvider.System);
        AddOptions<PushRetryOptions, PushRetryOptionsValidator>(services, configure: null);

        // A second call only adds configuration: one transport per kind.
        if (services.Any(static d => d.ServiceType == typeof(TTransport)))
        {
            return services;
        }

        services.AddSingleton<TTransport>();
        services.AddSingleton<IPushTransport>(static sp => new RetryingPushTransport(
            sp.GetRequiredService<TTransport>(),
            sp.GetRequiredService<IOptions<PushRetryOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
