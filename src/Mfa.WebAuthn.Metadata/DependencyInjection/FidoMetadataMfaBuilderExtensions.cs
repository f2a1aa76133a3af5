using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Metadata;
using Mfa.WebAuthn.Metadata.Provider;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the FIDO Metadata Service: <c>services.AddMfa(…).AddWebAuthn(…).AddFidoMetadata(o => …)</c>.</summary>
public static class FidoMetadataMfaBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="FidoMetadataProvider"/> (also as the WebAuthn factor's <see cref="IAuthenticatorTrustSource"/>) and a
    /// hosted service that loads the cached BLOB at start-up and, with <see cref="FidoMetadataOptions.EnableDownload"/>, downloads it on a schedule.
    /// </summary>
    /// <param name="builder">The MFA builder.</param>
    /// <param name="configure">Configures <see cref="FidoMetadataOptions"/>: at least the trust anchors.</param>
    /// <returns>The builder.</returns>
    public static IMfaBuilder AddFidoMetadata(this IMfaBuilder builder, Action<FidoMetadataOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<FidoMetadataOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FidoMetadataOptions>, FidoMetadataOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<FidoMetadataProvider>();
        builder.Services.TryAddSingleton<IAuthenticatorTrustSource>(static sp => sp.GetRequiredService<FidoMetadataProvider>());
        builder.Services.AddHttpClient(FidoMetadataRefreshService.HttpClientName);
        builder.Services.AddHostedService<FidoMetadataRefreshService>();
        return builder;
    }
}
