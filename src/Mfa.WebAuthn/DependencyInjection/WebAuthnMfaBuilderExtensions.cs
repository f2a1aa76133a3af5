using Mfa.Core.Factors;
using Mfa.WebAuthn;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the WebAuthn factor: <c>services.AddMfa(…).AddWebAuthn(o => …)</c>.</summary>
public static class WebAuthnMfaBuilderExtensions
{
    /// <summary>Adds the WebAuthn factor (<see cref="FactorKinds.WebAuthn"/>) with options validated at start-up.</summary>
    /// <param name="builder">The MFA builder.</param>
    /// <param name="configure">Configures <see cref="WebAuthnOptions"/>: at least the RP ID, RP name and origins.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// Hosts use the factor through <c>IMfaService</c>: enrollment, challenges, passkey sign-in without a username
    /// (<c>BeginDiscoverableChallengeAsync</c>) and legacy U2F import (<c>ImportAuthenticatorAsync</c>).
    /// </remarks>
    public static IMfaBuilder AddWebAuthn(this IMfaBuilder builder, Action<WebAuthnOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<WebAuthnOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebAuthnOptions>, WebAuthnOptionsValidator>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IFactor, WebAuthnFactor>());
        return builder;
    }
}
