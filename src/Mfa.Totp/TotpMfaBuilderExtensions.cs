using Mfa.Core.Factors;
using Mfa.Totp;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the TOTP factor: <c>services.AddMfa(…).AddTotp(o => o.Issuer = "Contoso")</c>.</summary>
public static class TotpMfaBuilderExtensions
{
    /// <summary>Adds the TOTP factor with options validated at start-up.</summary>
    /// <param name="builder">The MFA builder.</param>
    /// <param name="configure">Configures <see cref="TotpOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IMfaBuilder AddTotp(this IMfaBuilder builder, Action<TotpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<TotpOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TotpOptions>, TotpOptionsValidator>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IFactor, TotpFactor>());
        return builder;
    }
}
