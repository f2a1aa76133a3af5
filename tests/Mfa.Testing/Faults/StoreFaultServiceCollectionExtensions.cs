using Mfa.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Testing.Faults;

/// <summary>Puts a <see cref="StoreFaultInjector"/> in front of every store registered so far.</summary>
public static class StoreFaultServiceCollectionExtensions
{
    /// <summary>Decorates the Core store interfaces (call after the stores are registered).</summary>
    /// <param name="services">The services.</param>
    /// <param name="injector">The injector the test arms.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddStoreFaults(this IServiceCollection services, StoreFaultInjector injector)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(injector);
        Decorate<IAuthenticatorStore>(services, injector);
        Decorate<IChallengeStore>(services, injector);
        Decorate<IReplayGuardStore>(services, injector);
        Decorate<IRecoveryCodeStore>(services, injector);
        Decorate<IUserSettingsStore>(services, injector);
        Decorate<IAttemptCounterStore>(services, injector);
        Decorate<IEnrollmentStore>(services, injector);
        return services;
    }

    private static void Decorate<T>(IServiceCollection services, StoreFaultInjector injector)
        where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(T), sp => injector.Wrap((T)Resolve(sp, original)), original.Lifetime));
    }

    private static object Resolve(IServiceProvider provider, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);
}
