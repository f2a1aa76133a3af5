using Mfa.Core.Factors;
using Mfa.Totp.CounterBased;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the HOTP factor (RFC 4226 hardware tokens and counter-based apps): <c>services.AddMfa(…).AddHotp(o => o.Issuer = "Contoso")</c>.</summary>
public static class HotpMfaBuilderExtensions
{
    /// <summary>Adds the HOTP factor with options validated at start-up.</summary>
    /// <param name="builder">The MFA builder.</param>
    /// <param name="configure">Configures <see cref="HotpOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IMfaBuilder AddHotp(this IMfaBuilder builder, Action<HotpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<HotpOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HotpOptions>, HotpOptionsValidator>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IFactor, HotpFactor>());
        return builder;
    }
}
