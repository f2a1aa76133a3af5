using Mfa.Push.Transports;
using Mfa.Push.Transports.Apns;
using Mfa.Push.Transports.Retry;
using Mfa.Push.Transports.WebPush;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mfa.Push.Tests.Transports;

[TestFixture]
public sealed class PushTransportsServiceCollectionExtensionsTests
{
    private static readonly VapidKeyPair s_vapid = VapidKeyPair.Generate();

    private static void ValidWebPush(WebPushOptions o)
    {
        o.VapidSubject = "https://example.com/contact";
        o.VapidPublicKey = s_vapid.PublicKey;
        o.VapidPrivateKey = s_vapid.PrivateKey;
    }

    [Test]
    public void AddWebPushTransport_Valid_RegistersOneRetryingTransport()
    {
        using var provider = new ServiceCollection().AddWebPushTransport(ValidWebPush).BuildServiceProvider();
        var transport = provider.GetServices<IPushTransport>().Single();
        Assert.That(transport, Is.TypeOf<RetryingPushTransport>());
        Assert.That(transport.Kind, Is.EqualTo(PushAddressKind.WebPush));
    }

    [Test]
    public void AddWebPushTransport_CalledTwice_StillOneTransportWithBothConfigurations()
    {
        var services = new ServiceCollection().AddWebPushTransport(ValidWebPush).AddWebPushTransport(o => o.Topic = null);
        using var provider = services.BuildServiceProvider();
        Assert.That(provider.GetServices<IPushTransport>().Count(), Is.EqualTo(1));
        Assert.That(provider.GetRequiredService<IOptions<WebPushOptions>>().Value.Topic, Is.Null);
    }

    [Test]
    public void AddWebPushTransport_MissingKeys_FailsValidationOnFirstUse()
    {
        using var provider = new ServiceCollection().AddWebPushTransport(o => o.VapidSubject = "mailto:a@b.c").BuildServiceProvider();
        Assert.That(() => provider.GetServices<IPushTransport>().ToList(), Throws.InstanceOf<OptionsValidationException>());
    }

    [Test]
    public void AddApnsTransport_InvalidOptions_FailsValidation()
    {
        using var provider = new ServiceCollection().AddApnsTransport(o => o.KeyId = "short").BuildServiceProvider();
        Assert.That(() => provider.GetRequiredService<IOptions<ApnsOptions>>().Value, Throws.InstanceOf<OptionsValidationException>());
    }

    [Test]
    public void ConfigurePushTransportRetry_InvalidOptions_FailsValidation()
    {
        using var provider = new ServiceCollection().ConfigurePushTransportRetry(o => o.MaxRetryAttempts = 99).BuildServiceProvider();
        Assert.That(() => provider.GetRequiredService<IOptions<PushRetryOptions>>().Value, Throws.InstanceOf<OptionsValidationException>());
    }

    [Test]
    public void AddApnsTransport_NamedClient_AsksForExactlyHttp2()
    {
        using var provider = new ServiceCollection().AddApnsTransport().BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ApnsOptions.HttpClientName);
        Assert.That(client.DefaultRequestVersion, Is.EqualTo(System.Net.HttpVersion.Version20));
        Assert.That(client.DefaultVersionPolicy, Is.EqualTo(HttpVersionPolicy.RequestVersionExact));
    }
}
