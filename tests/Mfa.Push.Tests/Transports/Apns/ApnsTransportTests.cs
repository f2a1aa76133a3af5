using Mfa.Push.Tests.Transports.Fakes;
using Mfa.Push.Transports;
using Mfa.Push.Transports.Apns;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Push.Tests.Transports.Apns;

[TestFixture]
public sealed class ApnsTransportTests
{
    private static readonly PushAddress s_device = new(PushAddressKind.Apns, FakeApnsService.Device);

    private FakeTimeProvider _time = null!;
    private FakeApnsService _service = null!;
    private ServiceProvider _provider = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _service = await FakeApnsService.StartAsync(_time);
        _provider = Host(_time, _service, retries: 0);
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await _provider.DisposeAsync();
        await _service.DisposeAsync();
    }

    private IPushTransport Transport => _provider.Transport(PushAddressKind.Apns);

    [Test]
    public async Task SendAsync_RegisteredDevice_IsAcceptedOverHttp2WithTheSpecPayload()
    {
        var result = await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(result, Is.EqualTo(PushSendResult.Accepted), string.Join(", ", _service.Rejections));
        var delivery = _service.Deliveries.Single();
        Assert.Multiple(() =>
        {
            Assert.That(delivery.Device, Is.EqualTo(FakeApnsService.Device));
            Assert.That(delivery.Expiration, Is.EqualTo((_time.GetUtcNow().ToUnixTimeSeconds() + 120).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(delivery.CollapseId, Is.EqualTo("mfa"));
            Assert.That(delivery.Payload.ToJsonString(), Is.EqualTo(
                "{\"aps\":{\"alert\":{\"title\":\"Sign-in request\",\"body\":\"Open to review\"},\"sound\":\"default\",\"category\":\"MFA_PUSH\",\"mutable-content\":1},"
                + "\"mfa\":{\"v\":1,\"cid\":\"cid-123\",\"cred\":\"cred-456\"}}"));
        });
    }

    [Test]
    public async Task SendAsync_ServerWithoutHttp2_FailsInsteadOfDowngrading()
    {
        await using var service = await FakeApnsService.StartAsync(_time, HttpProtocols.Http1);
        await using var provider = Host(_time, service, retries: 0);
        var result = await provider.Transport(PushAddressKind.Apns).SendAsync(s_device, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.TransientError));
        Assert.That(service.Deliveries, Is.Empty);
    }

    [Test]
    public async Task SendAsync_Within50Minutes_ReusesTheProviderToken()
    {
        await Transport.SendAsync(s_device, TransportHost.Message());
        _time.Advance(TimeSpan.FromMinutes(49));
        var result = await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(result.Succeeded, Is.True);
        Assert.That(_service.Deliveries.Select(d => d.ProviderToken).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_After50Minutes_SendsANewProviderTokenAcceptedByApns()
    {
        await Transport.SendAsync(s_device, TransportHost.Message());
        _time.Advance(TimeSpan.FromMinutes(50));
        var result = await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(result, Is.EqualTo(PushSendResult.Accepted), string.Join(", ", _service.Rejections));
        Assert.That(_service.Deliveries.Select(d => d.ProviderToken).Distinct().Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task SendAsync_EveryTenMinutesForThreeHours_NeverSendsAnExpiredOrTooFrequentToken()
    {
        for (var i = 0; i < 18; i++)
        {
            var result = await Transport.SendAsync(s_device, TransportHost.Message());
            Assert.That(result.Succeeded, Is.True, string.Join(", ", _service.Rejections));
            _time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.That(_service.Rejections, Is.Empty);
    }

    [Test]
    public async Task SendAsync_ExpiredProviderTokenOnAnOldToken_RenewsOnceAndSucceeds()
    {
        await Transport.SendAsync(s_device, TransportHost.Message());
        _time.Advance(TimeSpan.FromMinutes(25));
        _service.Script.Enqueue((403, "ExpiredProviderToken"));
        var result = await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(result, Is.EqualTo(PushSendResult.Accepted), string.Join(", ", _service.Rejections));
        Assert.That(_service.Deliveries.Select(d => d.ProviderToken).Distinct().Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task SendAsync_ExpiredProviderTokenOnAFreshToken_IsConfigErrorWithoutRenewal()
    {
        _service.Script.Enqueue((403, "ExpiredProviderToken"));
        var result = await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.ConfigError));
        Assert.That(result.Detail, Does.Contain("ExpiredProviderToken"));
        Assert.That(_service.Deliveries, Has.Count.EqualTo(1), "a token younger than 20 minutes is not replaced");
    }

    [Test]
    public async Task SendAsync_UnregisteredDevice_IsInvalidAddress()
    {
        var result = await Transport.SendAsync(new PushAddress(PushAddressKind.Apns, FakeApnsService.GoneDevice), TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.InvalidAddress));
        Assert.That(result.Detail, Is.EqualTo("HTTP 410 Unregistered"));
    }

    [Test]
    public async Task SendAsync_UnknownDevice_IsInvalidAddress()
    {
        var result = await Transport.SendAsync(new PushAddress(PushAddressKind.Apns, new string('b', 64)), TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.InvalidAddress));
        Assert.That(result.Detail, Is.EqualTo("HTTP 400 BadDeviceToken"));
    }

    [TestCase(400, "DeviceTokenNotForTopic", PushSendOutcome.InvalidAddress)]
    [TestCase(400, "BadTopic", PushSendOutcome.ConfigError)]
    [TestCase(400, "BadExpirationDate", PushSendOutcome.ConfigError)]
    [TestCase(403, "InvalidProviderToken", PushSendOutcome.ConfigError)]
    [TestCase(403, "BadCertificateEnvironment", PushSendOutcome.ConfigError)]
    [TestCase(405, "MethodNotAllowed", PushSendOutcome.ConfigError)]
    [TestCase(413, "PayloadTooLarge", PushSendOutcome.ConfigError)]
    [TestCase(429, "TooManyRequests", PushSendOutcome.RateLimited)]
    [TestCase(429, "TooManyProviderTokenUpdates", PushSendOutcome.RateLimited)]
    [TestCase(500, "InternalServerError", PushSendOutcome.TransientError)]
    [TestCase(503, "ServiceUnavailable", PushSendOutcome.TransientError)]
    [TestCase(503, "Shutdown", PushSendOutcome.TransientError)]
    public async Task SendAsync_ApnsReason_MapsToOutcome(int status, string reason, PushSendOutcome expected)
    {
        _service.Script.Enqueue((status, reason));
        var result = await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(expected));
        Assert.That(result.Detail, Does.EndWith(reason));
    }

    [Test]
    public async Task SendAsync_ProviderKeyOfAnotherTeam_IsRefusedByApns()
    {
        await using var other = await FakeApnsService.StartAsync(_time);
        await using var provider = TransportHost.Build(_time, services =>
        {
            services.AddApnsTransport(o => Configure(o, _service));
            services.AddApnsTransport(o => o.PrivateKey = other.PrivateKeyPem);
            services.AddHttpClient(ApnsOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(_service.CreateTrustingHandler);
            services.ConfigurePushTransportRetry(o => o.MaxRetryAttempts = 0);
        });
        var result = await provider.Transport(PushAddressKind.Apns).SendAsync(s_device, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.ConfigError));
        Assert.That(_service.Rejections, Is.EqualTo(new[] { "InvalidProviderToken" }));
    }

    [TestCase("")]
    [TestCase("xyz")]
    [TestCase("740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78a")]
    [TestCase("../../3/device/740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad")]
    public async Task SendAsync_MalformedDeviceToken_IsInvalidAddressWithoutARequest(string token)
    {
        var result = await Transport.SendAsync(new PushAddress(PushAddressKind.Apns, token), TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.InvalidAddress));
        Assert.That(_service.Deliveries, Is.Empty);
    }

    [Test]
    public async Task SendAsync_WithRetries503ThenOk_IsAccepted()
    {
        var time = new AutoAdvanceTimeProvider();
        await using var service = await FakeApnsService.StartAsync(time);
        await using var provider = Host(time, service, retries: 3);
        service.Script.Enqueue((503, "ServiceUnavailable"));
        var result = await provider.Transport(PushAddressKind.Apns).SendAsync(s_device, TransportHost.Message());
        Assert.That(result, Is.EqualTo(PushSendResult.Accepted));
        Assert.That(service.Deliveries, Has.Count.EqualTo(2));
    }

    private static ApnsOptions Configure(ApnsOptions o, FakeApnsService service)
    {
        o.KeyId = FakeApnsService.KeyId;
        o.TeamId = FakeApnsService.TeamId;
        o.Topic = FakeApnsService.Topic;
        o.PrivateKey = service.PrivateKeyPem;
        o.Endpoint = service.BaseAddress;
        o.RequestTimeout = TimeSpan.FromMinutes(2);
        return o;
    }

    private static ServiceProvider Host(TimeProvider time, FakeApnsService service, int retries) => TransportHost.Build(time, services =>
    {
        services.AddApnsTransport(o => Configure(o, service));
        services.AddHttpClient(ApnsOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(service.CreateTrustingHandler);
        services.ConfigurePushTransportRetry(o => o.MaxRetryAttempts = retries);
    });
}
