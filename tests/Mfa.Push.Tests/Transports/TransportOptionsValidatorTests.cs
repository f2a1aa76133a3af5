using System.Security.Cryptography;
using Mfa.Push.Transports.Apns;
using Mfa.Push.Transports.Fcm;
using Mfa.Push.Transports.Retry;
using Mfa.Push.Transports.WebPush;

namespace Mfa.Push.Tests.Transports;

[TestFixture]
public sealed class TransportOptionsValidatorTests
{
    private static readonly VapidKeyPair s_vapid = VapidKeyPair.Generate();
    private static readonly Lazy<string> s_serviceAccount = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return new System.Text.Json.Nodes.JsonObject
        {
            ["project_id"] = "p-1",
            ["private_key_id"] = "k1",
            ["private_key"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = "a@p-1.iam.gserviceaccount.com",
            ["token_uri"] = "https://oauth2.googleapis.com/token",
        }.ToJsonString();
    });

    private static string P8()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    private static WebPushOptions ValidWebPush() => new()
    {
        VapidSubject = "mailto:ops@example.com",
        VapidPublicKey = s_vapid.PublicKey,
        VapidPrivateKey = s_vapid.PrivateKey,
    };

    private static FcmOptions ValidFcm() => new() { ServiceAccountJson = s_serviceAccount.Value };

    private static ApnsOptions ValidApns() => new() { KeyId = "ABC123DEFG", TeamId = "DEF123GHIJ", Topic = "com.example.app", PrivateKey = P8() };

    [Test]
    public void Validate_ValidOptions_Succeed() => Assert.Multiple(() =>
    {
        Assert.That(new WebPushOptionsValidator().Validate(null, ValidWebPush()).Succeeded, Is.True);
        Assert.That(new FcmOptionsValidator().Validate(null, ValidFcm()).Succeeded, Is.True);
        Assert.That(new ApnsOptionsValidator().Validate(null, ValidApns()).Succeeded, Is.True);
        Assert.That(new PushRetryOptionsValidator().Validate(null, new PushRetryOptions()).Succeeded, Is.True);
    });

    [TestCase(null)]
    [TestCase("ops@example.com")]
    [TestCase("http://example.com")]
    public void Validate_WebPushSubjectNotMailtoOrHttps_Fails(string? subject)
    {
        var options = ValidWebPush();
        options.VapidSubject = subject;
        Assert.That(new WebPushOptionsValidator().Validate(null, options).FailureMessage, Does.Contain(nameof(WebPushOptions.VapidSubject)));
    }

    [Test]
    public void Validate_WebPushPrivateKeyOfAnotherPair_Fails()
    {
        var options = ValidWebPush();
        options.VapidPrivateKey = VapidKeyPair.Generate().PrivateKey;
        Assert.That(new WebPushOptionsValidator().Validate(null, options).FailureMessage, Does.Contain(nameof(WebPushOptions.VapidPrivateKey)));
    }

    [TestCase(24 * 60)]
    [TestCase(4)]
    public void Validate_WebPushTokenLifetimeOutOfRange_Fails(int minutes)
    {
        var options = ValidWebPush();
        options.VapidTokenLifetime = TimeSpan.FromMinutes(minutes);
        Assert.That(new WebPushOptionsValidator().Validate(null, options).FailureMessage, Does.Contain(nameof(WebPushOptions.VapidTokenLifetime)));
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("a23456789012345678901234567890123")]
    public void Validate_WebPushTopicOutsideRfc8030_Fails(string topic)
    {
        var options = ValidWebPush();
        options.Topic = topic;
        Assert.That(new WebPushOptionsValidator().Validate(null, options).FailureMessage, Does.Contain(nameof(WebPushOptions.Topic)));
    }

    [Test]
    public void Validate_WebPushPaddingBeyondOneBody_Fails()
    {
        var options = ValidWebPush();
        options.PaddedPayloadLength = WebPushEncryption.MaxPlaintextLength + 1;
        Assert.That(new WebPushOptionsValidator().Validate(null, options).FailureMessage, Does.Contain(nameof(WebPushOptions.PaddedPayloadLength)));
    }

    [TestCase(null)]
    [TestCase("not json")]
    [TestCase("{\"client_email\":\"a@b\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\",\"private_key_id\":\"k\"}")]
    public void Validate_FcmServiceAccountUnreadable_Fails(string? json)
    {
        var options = ValidFcm();
        options.ServiceAccountJson = json;
        Assert.That(new FcmOptionsValidator().Validate(null, options).FailureMessage, Does.Contain(nameof(FcmOptions.ServiceAccountJson)));
    }

    [Test]
    public void Validate_FcmServiceAccountWithoutProject_FailsUnlessProjectIdIsSet()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(s_serviceAccount.Value)!.AsObject();
        json.Remove("project_id");
        var options = ValidFcm();
        options.ServiceAccountJson = json.ToJsonString();
        Assert.That(new FcmOptionsValidator().Validate(null, options).FailureMessage, Does.Contain(nameof(FcmOptions.ProjectId)));
        options.ProjectId = "p-2";
        Assert.That(new FcmOptionsValidator().Validate(null, options).Succeeded, Is.True);
    }

    [Test]
    public void Validate_FcmHttpEndpoint_Fails()
    {
        var options = ValidFcm();
        options.Endpoint = new Uri("http://fcm.googleapis.com/");
        Assert.That(new FcmOptionsValidator().Validate(null, options).FailureMessage, Does.Contain(nameof(FcmOptions.Endpoint)));
    }

    [TestCase("ABC123DEF")]
    [TestCase("ABC123DEF!")]
    [TestCase(null)]
    public void Validate_ApnsKeyIdNot10Characters_Fails(string? keyId)
    {
        var options = ValidApns();
        options.KeyId = keyId;
        Assert.That(new ApnsOptionsValidator().Validate(null, options).FailureMessage, Does.Contain(nameof(ApnsOptions.KeyId)));
    }

    [Test]
    public void Validate_ApnsKeyNotP256_Fails()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var options = ValidApns();
        options.PrivateKey = p384.ExportPkcs8PrivateKeyPem();
        Assert.That(new ApnsOptionsValidator().Validate(null, options).FailureMessage, Does.Contain(nameof(ApnsOptions.PrivateKey)));
    }

    [TestCase(19)]
    [TestCase(56)]
    public void Validate_ApnsRefreshOutsideApplesRules_Fails(int minutes)
    {
        var options = ValidApns();
        options.ProviderTokenRefreshInterval = TimeSpan.FromMinutes(minutes);
        Assert.That(new ApnsOptionsValidator().Validate(null, options).FailureMessage, Does.Contain(nameof(ApnsOptions.ProviderTokenRefreshInterval)));
    }

    [Test]
    public void Validate_ApnsMissingTopic_Fails()
    {
        var options = ValidApns();
        options.Topic = null;
        Assert.That(new ApnsOptionsValidator().Validate(null, options).FailureMessage, Does.Contain(nameof(ApnsOptions.Topic)));
    }

    [Test]
    public void Validate_RetryMaxDelayBelowBaseDelay_Fails()
    {
        var options = new PushRetryOptions { BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(5) };
        Assert.That(new PushRetryOptionsValidator().Validate(null, options).FailureMessage, Does.Contain(nameof(PushRetryOptions.MaxDelay)));
    }

    [TestCase(-1)]
    [TestCase(11)]
    public void Validate_RetryAttemptsOutOfRange_Fails(int attempts)
    {
        var options = new PushRetryOptions { MaxRetryAttempts = attempts };
        Assert.That(new PushRetryOptionsValidator().Validate(null, options).FailureMessage, Does.Contain(nameof(PushRetryOptions.MaxRetryAttempts)));
    }

    [Test]
    public void ToString_Options_DoNotShowSecrets() => Assert.Multiple(() =>
    {
        Assert.That(new Mfa.Push.Transports.PushAddress(Mfa.Push.Transports.PushAddressKind.WebPush, "https://x", "p", "secret-auth").ToString(), Does.Not.Contain("secret-auth"));
        Assert.That(s_vapid.ToString(), Does.Not.Contain(s_vapid.PrivateKey));
    });
}
