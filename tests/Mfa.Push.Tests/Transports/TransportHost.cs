using Mfa.Push.Transports;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Push.Tests.Transports;

/// <summary>Builds a service provider the way a host would, and resolves the transport for one kind.</summary>
internal static class TransportHost
{
    public static ServiceProvider Build(TimeProvider time, Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        configure(services);
        return services.BuildServiceProvider();
    }

    public static IPushTransport Transport(this IServiceProvider provider, PushAddressKind kind) =>
        provider.GetServices<IPushTransport>().Single(t => t.Kind == kind);

    public static PushMessage Message(TimeSpan? ttl = null) => new("cid-123", "cred-456", ttl ?? TimeSpan.FromSeconds(120));
}
