using Mfa.Core.Factors;
using Mfa.Duo;
using Mfa.Duo.AuthApi;
using Mfa.Duo.Failmode;
using Mfa.Duo.Http;
using Mfa.Duo.UniversalPrompt;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Duo: <c>services.AddMfa(…).AddDuo(o => { o.ClientId = …; o.ClientSecret = …; o.ApiHost = …; o.RedirectUri = …; })</c>.</summary>
public static class DuoMfaBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="DuoOptions"/> (validated at start-up), the Universal Prompt client (<see cref="IDuoUniversalClient"/>),
    /// the Auth API client (<see cref="IDuoAuthApiClient"/>), the <see cref="DuoFailmodeEvaluator"/> and the named
    /// <see cref="HttpClient"/> <c>"Mfa.Duo"</c> (no automatic redirects; replace its primary handler to add pinning or a proxy).
    /// </summary>
    /// <param name="builder">The MFA builder.</param>
    /// <param name="configure">Configures <see cref="DuoOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IMfaBuilder AddDuo(this IMfaBuilder builder, Action<DuoOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<DuoOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DuoOptions>, DuoOptionsValidator>());
        builder.Services.AddLogging();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(DuoHttpTransport.HttpClientName, static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        builder.Services.TryAddSingleton<DuoHttpTransport>();
        builder.Services.TryAddSingleton<IDuoUniversalClient, DuoUniversalClient>();
        builder.Services.TryAddSingleton<IDuoAuthApiClient, DuoAuthApiClient>();
        builder.Services.TryAddSingleton<DuoFailmodeEvaluator>();

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IFactor, DuoFactor>());
        return builder;
    }
}
