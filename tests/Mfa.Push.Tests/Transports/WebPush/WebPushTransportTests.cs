using System.Net;
using System.Net.Sockets;
using System.Text;
using Mfa.Push.Tests.Transports.Fakes;
using Mfa.Push.Transports;
using Mfa.Push.Transports.WebPush;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Push.Tests.Transports.WebPush;

[TestFixture]
public sealed class WebPushTransportTests
{
    private readonly VapidKeyPair _vapid = VapidKeyPair.Generate();
    private FakeTimeProvider _time = null!;
    private FakeWebPushService _service = null!;
    private ServiceProvider _provider = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _service = await FakeWebPushService.StartAsync(_time, _vapid.PublicKey);
        _provider = Host(_time, retries: 0);
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await _provider.DisposeAsync();
        await _service.DisposeAsync();
    }

    private IPushTransport Transport => _provider.Transport(PushAddressKind.WebPush);

    [Test]
    public async Task SendAsync_ValidSubscription_IsAcceptedAndDecryptsToTheIds()
    {
        var result = await Transport.SendAsync(_service.Subscription, TransportHost.Message());
        Assert.That(result, Is.EqualTo(PushSendResult.Accepted), string.Join(", ", _service.Rejections));
        var delivery = _service.Deliveries.Single();
        Assert.That(Encoding.UTF8.GetString(delivery.Plaintext), Is.EqualTo("{\"v\":1,\"t\":\"mfa-push\",\"cid\":\"cid-123\",\"cred\":\"cred-456\"}"));
    }

    [Test]
    public async Task SendAsync_Defaults_SendTtlUrgencyTopicAndAPaddedBody()
    {
        await Transport.SendAsync(_service.Subscription, TransportHost.Message(TimeSpan.FromSeconds(119.2)));
        var delivery = _service.Deliveries.Single();
        Assert.Multiple(() =>
        {
            Assert.That(delivery.Ttl, Is.EqualTo("120"));
            Assert.That(delivery.Urgency, Is.EqualTo("high"));
            Assert.That(delivery.Topic, Is.EqualTo("mfa"));
            Assert.That(delivery.BodyLength, Is.EqualTo(WebPushEncryption.HeaderLength + 256 + 1 + 16), "padded to 256 octets");
        });
    }

    [Test]
    public async Task SendAsync_TwoMessages_ReuseOneVapidToken()
    {
        await Transport.SendAsync(_service.Subscription, TransportHost.Message());
        _time.Advance(TimeSpan.FromHours(1));
        await Transport.SendAsync(_service.Subscription, TransportHost.Message());
        var tokens = _service.Deliveries.Select(d => d.Authorization).Distinct().ToList();
        Assert.That(tokens, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_PushServiceClockPastTheTokenExpiry_IsConfigError()
    {
        var serviceTime = new FakeTimeProvider(_time.GetUtcNow().AddHours(13));
        await using var service = await FakeWebPushService.StartAsync(serviceTime, _vapid.PublicKey);
        await using var provider = Host(_time, retries: 0, service);
        var result = await provider.Transport(PushAddressKind.WebPush).SendAsync(service.Subscription, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.ConfigError));
        Assert.That(service.Rejections, Is.EqualTo(new[] { "VAPID Expired" }));
    }

    [Test]
    public async Task SendAsync_SubscriptionRestrictedToAnotherKey_IsConfigError()
    {
        await using var service = await FakeWebPushService.StartAsync(_time, VapidKeyPair.Generate().PublicKey);
        await using var provider = Host(_time, retries: 0, service);
        var result = await provider.Transport(PushAddressKind.WebPush).SendAsync(service.Subscription, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.ConfigError));
        Assert.That(service.Rejections, Is.EqualTo(new[] { "VAPID WrongKey" }));
    }

    [TestCase(404, PushSendOutcome.InvalidAddress)]
    [TestCase(410, PushSendOutcome.InvalidAddress)]
    [TestCase(429, PushSendOutcome.RateLimited)]
    [TestCase(400, PushSendOutcome.ConfigError)]
    [TestCase(401, PushSendOutcome.ConfigError)]
    [TestCase(403, PushSendOutcome.ConfigError)]
    [TestCase(413, PushSendOutcome.ConfigError)]
    [TestCase(500, PushSendOutcome.TransientError)]
    [TestCase(502, PushSendOutcome.TransientError)]
    [TestCase(503, PushSendOutcome.TransientError)]
    public async Task SendAsync_ServiceStatus_MapsToOutcome(int status, PushSendOutcome expected)
    {
        _service.Script.Enqueue((status, null));
        var result = await Transport.SendAsync(_service.Subscription, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(expected));
        Assert.That(result.Detail, Does.Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task SendAsync_429WithRetryAfterSeconds_CarriesTheDelay()
    {
        _service.Script.Enqueue((429, "7"));
        var result = await Transport.SendAsync(_service.Subscription, TransportHost.Message());
        Assert.That(result.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public async Task SendAsync_429WithRetryAfterDate_CarriesTheDelayFromNow()
    {
        _service.Script.Enqueue((429, _time.GetUtcNow().AddSeconds(30).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var result = await Transport.SendAsync(_service.Subscription, TransportHost.Message());
        Assert.That(result.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task SendAsync_ServiceNeverAnswers_IsTransientTimeout()
    {
        var time = new AutoAdvanceTimeProvider { FireAtMost = TimeSpan.FromMinutes(5) };
        await using var service = await FakeWebPushService.StartAsync(time, _vapid.PublicKey);
        await using var provider = Host(time, retries: 0, service);
        service.Script.Enqueue((-1, null));
        var result = await provider.Transport(PushAddressKind.WebPush).SendAsync(service.Subscription, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.TransientError));
        Assert.That(result.Detail, Is.EqualTo("timeout"));
    }

    [Test]
    public async Task SendAsync_NothingListening_IsTransientError()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var address = _service.Subscription with { Target = $"https://127.0.0.1:{port}/push/sub-1" };
        var result = await Transport.SendAsync(address, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.TransientError));
    }

    [Test]
    public async Task SendAsync_HttpEndpoint_IsInvalidAddressWithoutARequest()
    {
        var address = _service.Subscription with { Target = _service.Subscription.Target.Replace("https:", "http:", StringComparison.Ordinal) };
        var result = await Transport.SendAsync(address, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.InvalidAddress));
        Assert.That(_service.Deliveries, Is.Empty);
    }

    [Test]
    public async Task SendAsync_EndpointNotAnAllowedPushService_IsInvalidAddressWithoutARequest()
    {
        await using var provider = TransportHost.Build(_time, services =>
        {
            services.AddWebPushTransport(o =>
            {
                o.VapidSubject = "mailto:ops@example.com";
                o.VapidPublicKey = _vapid.PublicKey;
                o.VapidPrivateKey = _vapid.PrivateKey;
            });
            services.AddHttpClient(WebPushOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(_service.CreateTrustingHandler);
            services.ConfigurePushTransportRetry(o => o.MaxRetryAttempts = 0);
        });
        var result = await provider.Transport(PushAddressKind.WebPush).SendAsync(_service.Subscription, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.InvalidAddress));
        Assert.That(_service.Deliveries, Is.Empty);
    }

    [TestCase("https://fcm.googleapis.com/fcm/send/abc", true)]
    [TestCase("https://updates.push.services.mozilla.com/wpush/v2/abc", true)]
    [TestCase("https://wns2-par02p.notify.windows.com/w/?token=abc", true)]
    [TestCase("https://web.push.apple.com/abc", true)]
    [TestCase("https://evilfcm.googleapis.com.example.org/x", false)]
    [TestCase("https://notfcm.googleapis.com/x", false)]
    [TestCase("https://169.254.169.254/latest/meta-data", false)]
    [TestCase("https://user:pw@fcm.googleapis.com/fcm/send/abc", false)]
    [TestCase("http://fcm.googleapis.com/fcm/send/abc", false)]
    public void IsAllowedEndpoint_DefaultList_AllowsOnlyPushServices(string endpoint, bool allowed) =>
        Assert.That(WebPushTransport.IsAllowedEndpoint(new Uri(endpoint), new WebPushOptions().AllowedEndpointHosts), Is.EqualTo(allowed));

    [Test]
    public async Task SendAsync_P256dhOffTheCurve_IsInvalidAddress()
    {
        var point = System.Buffers.Text.Base64Url.DecodeFromChars(_service.Subscription.WebPushP256dh!);
        point[64] ^= 1;
        var address = _service.Subscription with { WebPushP256dh = System.Buffers.Text.Base64Url.EncodeToString(point) };
        var result = await Transport.SendAsync(address, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.InvalidAddress));
    }

    [Test]
    public async Task SendAsync_AuthSecretMissing_IsInvalidAddress()
    {
        var result = await Transport.SendAsync(_service.Subscription with { WebPushAuth = null }, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.InvalidAddress));
    }

    [Test]
    public async Task SendAsync_WithRetries503ThenCreated_IsAcceptedAfterOneBackOff()
    {
        var time = new AutoAdvanceTimeProvider();
        await using var service = await FakeWebPushService.StartAsync(time, _vapid.PublicKey);
        await using var provider = Host(time, retries: 3, service);
        service.Script.Enqueue((503, null));
        var result = await provider.Transport(PushAddressKind.WebPush).SendAsync(service.Subscription, TransportHost.Message());
        Assert.That(result, Is.EqualTo(PushSendResult.Accepted));
        Assert.That(service.Deliveries, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task SendAsync_WithRetries429RetryAfter3_WaitsThreeSecondsThenSucceeds()
    {
        var time = new AutoAdvanceTimeProvider();
        await using var service = await FakeWebPushService.StartAsync(time, _vapid.PublicKey);
        await using var provider = Host(time, retries: 3, service);
        service.Script.Enqueue((429, "3"));
        var result = await provider.Transport(PushAddressKind.WebPush).SendAsync(service.Subscription, TransportHost.Message());
        Assert.That(result, Is.EqualTo(PushSendResult.Accepted));
        Assert.That(time.Delays, Does.Contain(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public async Task SendAsync_WithRetries410_IsNotRetried()
    {
        var time = new AutoAdvanceTimeProvider();
        await using var service = await FakeWebPushService.StartAsync(time, _vapid.PublicKey);
        await using var provider = Host(time, retries: 3, service);
        service.Script.Enqueue((410, null));
        var result = await provider.Transport(PushAddressKind.WebPush).SendAsync(service.Subscription, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.InvalidAddress));
        Assert.That(service.Deliveries, Has.Count.EqualTo(1));
    }

    private ServiceProvider Host(TimeProvider time, int retries, FakeWebPushService? service = null)
    {
        var target = service ?? _service;
        return TransportHost.Build(time, services =>
        {
            services.AddWebPushTransport(o =>
            {
                o.VapidSubject = "mailto:ops@example.com";
                o.VapidPublicKey = _vapid.PublicKey;
                o.VapidPrivateKey = _vapid.PrivateKey;
                o.RequestTimeout = TimeSpan.FromMinutes(2);
                o.AllowedEndpointHosts.Add("127.0.0.1");
            });
            services.AddHttpClient(WebPushOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(target.CreateTrustingHandler);
            services.ConfigurePushTransportRetry(o => o.MaxRetryAttempts = retries);
        });
    }
}
