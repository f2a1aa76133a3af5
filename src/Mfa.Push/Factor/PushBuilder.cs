using Mfa.Push.Transports;
using Mfa.Push.Transports.Apns;
using Mfa.Push.Transports.Fcm;
using Mfa.Push.Transports.InProcess;
using Mfa.Push.Transports.WebPush;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mfa.Push.Factor;

/// <summary>Adds the transports the push factor sends through: <c>.AddPush(…).AddWebPush(…).AddFcm(…).AddApns(…)</c>.</summary>
public sealed class PushBuilder
{
    internal PushBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds the Web Push transport (RFC 8030 / 8291 / 8292).</summary>
    /// <param name="configure">Configures <see cref="WebPushOptions"/>.</param>
    /// <returns>This builder.</returns>
    public PushBuilder AddWebPush(Action<WebPushOptions>? configure = null)
    {
        Services.AddWebPushTransport(configure);
        return this;
    }

    /// <summary>Adds the Firebase Cloud Messaging HTTP v1 transport.</summary>
    /// <param name="configure">Configures <see cref="FcmOptions"/>.</param>
    /// <returns>This builder.</returns>
    public PushBuilder AddFcm(Action<FcmOptions>? configure = null)
    {
        Services.AddFcmTransport(configure);
        return this;
    }

    /// <summary>Adds the Apple Push Notification service transport.</summary>
    /// <param name="configure">Configures <see cref="ApnsOptions"/>.</param>
    /// <returns>This builder.</returns>
    public PushBuilder AddApns(Action<ApnsOptions>? configure = null)
    {
        Services.AddApnsTransport(configure);
        return this;
    }

    /// <summary>
    /// Adds the in-process transport (tests, samples): devices enroll in-process addresses, which also needs
    /// <see cref="PushOptions.AllowInProcessAddresses"/>. Never in production.
    /// </summary>
    /// <param name="transport">The transport instance to share with the in-process phones (a new one when omitted).</param>
    /// <returns>This builder.</returns>
    public PushBuilder AddInProcess(InProcessPushTransport? transport = null)
    {
        var instance = transport ?? new InProcessPushTransport();
        Services.TryAddSingleton(instance);
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPushTransport, InProcessPushTransport>(_ => instance));
        return this;
    }
}
