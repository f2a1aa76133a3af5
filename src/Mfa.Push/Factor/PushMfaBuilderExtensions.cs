using Mfa.Core.Factors;
using Mfa.Push;
using Mfa.Push.AntiFatigue;
using Mfa.Push.Factor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the push factor: <c>services.AddMfa(…).AddPush(o => …).AddFcm(…)</c>.</summary>
public static class PushMfaBuilderExtensions
{
    /// <summary>Adds the push factor with options validated at start-up; add transports on the returned builder.</summary>
    /// <param name="builder">The MFA builder.</param>
    /// <param name="configure">Configures <see cref="PushOptions"/> (verifier id, challenge signing key and key id are required).</param>
    /// <returns>A builder for the transports.</returns>
    public static PushBuilder AddPush(this IMfaBuilder builder, Action<PushOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<PushOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PushOptions>, PushOptionsValidator>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IFactor, PushFactor>());
        builder.Services.TryAddSingleton<PushDeviceEndpoints>();
        builder.Services.TryAddSingleton<PushDeviceRegistry>();
        builder.Services.TryAddSingleton<IPushFatigueCounters, AttemptCounterPushFatigueCounters>();
        return new PushBuilder(builder.Services);
    }
}
