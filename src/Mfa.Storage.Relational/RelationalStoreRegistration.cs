using System.Diagnostics.CodeAnalysis;
using Mfa.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mfa.Storage.Relational;

/// <summary>Registers the SQL stores over a provider's <see cref="RelationalDatabase"/> in place of any other store.</summary>
internal static class RelationalStoreRegistration
{
    /// <summary>Adds the options, the database and the seven stores; a later call (another provider) replaces them.</summary>
    /// <typeparam name="TOptions">The provider's options.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="configure">Configures the options.</param>
    /// <param name="validator">The provider's options validator.</param>
    /// <param name="createDatabase">Creates the provider's database from the validated options.</param>
    /// <returns>The builder.</returns>
    public static IMfaBuilder AddRelationalStores<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IMfaBuilder builder,
        string connectionString,
        Action<TOptions>? configure,
        IValidateOptions<TOptions> validator,
        Func<IServiceProvider, TOptions, RelationalDatabase> createDatabase)
        where TOptions : RelationalStoreOptions
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var services = builder.Services;
        var options = services.AddOptions<TOptions>().Configure(o => o.ConnectionString = connectionString).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton(validator));
        services.Replace(ServiceDescriptor.Singleton(sp => createDatabase(sp, sp.GetRequiredService<IOptions<TOptions>>().Value)));
        services.Replace(ServiceDescriptor.Singleton<RelationalChallengeStore, RelationalChallengeStore>());
        services.Replace(ServiceDescriptor.Singleton<RelationalAttemptCounterStore, RelationalAttemptCounterStore>());
        services.Replace(ServiceDescriptor.Singleton<IAuthenticatorStore, RelationalAuthenticatorStore>());
        services.Replace(ServiceDescriptor.Singleton<IChallengeStore>(sp => sp.GetRequiredService<RelationalChallengeStore>()));
        services.Replace(ServiceDescriptor.Singleton<IReplayGuardStore, RelationalReplayGuardStore>());
        services.Replace(ServiceDescriptor.Singleton<IAttemptCounterStore>(sp => sp.GetRequiredService<RelationalAttemptCounterStore>()));
        services.Replace(ServiceDescriptor.Singleton<IRecoveryCodeStore, RelationalRecoveryCodeStore>());
        services.Replace(ServiceDescriptor.Singleton<RelationalUserSettingsStore, RelationalUserSettingsStore>());
        services.Replace(ServiceDescriptor.Singleton<IUserSettingsStore>(sp => sp.GetRequiredService<RelationalUserSettingsStore>()));
        services.Replace(ServiceDescriptor.Singleton<IMfaUserDirectory>(sp => sp.GetRequiredService<RelationalUserSettingsStore>()));
        services.Replace(ServiceDescriptor.Singleton<ISignInStore, RelationalSignInStore>());
        services.Replace(ServiceDescriptor.Singleton<IEnrollmentStore, RelationalEnrollmentStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RelationalStoreMaintenance>());
        return builder;
    }
}
