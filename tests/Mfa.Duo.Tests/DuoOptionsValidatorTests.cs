using Mfa.Duo.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mfa.Duo.Tests;

[TestFixture]
public sealed class DuoOptionsValidatorTests
{
    private static DuoOptions Valid() => new()
    {
        ClientId = "DIXXXXXXXXXXXXXXXXXX",
        ClientSecret = "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef",
        IntegrationKey = "DIWJ8X6AEYOR5OMC6TQ1",
        SecretKey = "Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep",
        ApiHost = "api-xxxxxxxx.duosecurity.com",
        RedirectUri = new Uri("https://app.example/duo/callback"),
    };

    private static ValidateOptionsResult Validate(Action<DuoOptions> change)
    {
        var options = Valid();
        change(options);
        return new DuoOptionsValidator().Validate(null, options);
    }

    [Test]
    public void Validate_BothFlowsConfigured_Succeeds() => Assert.That(Validate(_ => { }).Succeeded, Is.True);

    [Test]
    public void Validate_UniversalOnly_Succeeds() =>
        Assert.That(Validate(o => { o.IntegrationKey = null; o.SecretKey = null; }).Succeeded, Is.True);

    [Test]
    public void Validate_AuthApiOnly_SucceedsWithoutRedirect() =>
        Assert.That(Validate(o => { o.ClientId = null; o.ClientSecret = null; o.RedirectUri = null; }).Succeeded, Is.True);

    [Test]
    public void Validate_NothingConfigured_Fails() =>
        Assert.That(Validate(o => { o.ClientId = null; o.ClientSecret = null; o.IntegrationKey = null; o.SecretKey = null; }).Failed, Is.True);

    private static IEnumerable<TestCaseData> Invalid()
    {
        TestCaseData Case(string name, Action<DuoOptions> change) => new TestCaseData(change).SetName("Validate_" + name + "_Fails");
        yield return Case("ClientId19", o => o.ClientId = "DIXXXXXXXXXXXXXXXXX");
        yield return Case("ClientIdNotAlphanumeric", o => o.ClientId = "DIXXXXXXXXXXXXXXXX-X");
        yield return Case("ClientSecret39", o => o.ClientSecret = new string('a', 39));
        yield return Case("ClientSecretMissing", o => o.ClientSecret = null);
        yield return Case("IntegrationKey21", o => o.IntegrationKey = "DIWJ8X6AEYOR5OMC6TQ12");
        yield return Case("SecretKey41", o => o.SecretKey = new string('a', 41));
        yield return Case("RedirectMissing", o => o.RedirectUri = null);
        yield return Case("RedirectHttp", o => o.RedirectUri = new Uri("http://app.example/cb"));
        yield return Case("RedirectRelative", o => o.RedirectUri = new Uri("/cb", UriKind.Relative));
        yield return Case("RedirectWithFragment", o => o.RedirectUri = new Uri("https://app.example/cb#x"));
        yield return Case("HostEmpty", o => o.ApiHost = string.Empty);
        yield return Case("HostWithScheme", o => o.ApiHost = "https://api-xxxxxxxx.duosecurity.com");
        yield return Case("HostWithPath", o => o.ApiHost = "api-xxxxxxxx.duosecurity.com/oauth");
        yield return Case("HostWithUserInfo", o => o.ApiHost = "user@api-xxxxxxxx.duosecurity.com");
        yield return Case("HostWithSpace", o => o.ApiHost = "api xxxxxxxx.duosecurity.com");
        yield return Case("InsecureHttpForNonLoopbackHost", o => o.AllowInsecureLoopbackHttp = true);
        yield return Case("NoAuthOptions", o => o.AllowedAuthOptions = DuoAuthOptions.None);
        yield return Case("UnknownAuthOption", o => o.AllowedAuthOptions = (DuoAuthOptions)8);
        yield return Case("UnknownFailmode", o => o.Failmode = (DuoFailmode)7);
        yield return Case("UnknownSignatureVersion", o => o.SignatureVersion = (DuoSignatureVersion)4);
        yield return Case("TimeoutTooShort", o => o.RequestTimeout = TimeSpan.FromMilliseconds(10));
        yield return Case("TimeoutTooLong", o => o.SynchronousAuthTimeout = TimeSpan.FromMinutes(10));
        yield return Case("LeewayTooLong", o => o.ClockLeeway = TimeSpan.FromMinutes(6));
        yield return Case("NegativeLeeway", o => o.ClockLeeway = TimeSpan.FromSeconds(-1));
        yield return Case("ResponseLimitTooSmall", o => o.MaxResponseBytes = 100);
        yield return Case("TooManyRetries", o => o.MaxRetries = 6);
        yield return Case("RetryDelayTooLong", o => o.RetryDelay = TimeSpan.FromMinutes(1));
    }

    [TestCaseSource(nameof(Invalid))]
    public void Validate_InvalidSetting_Fails(Action<DuoOptions> change) => Assert.That(Validate(change).Failed, Is.True);

    [Test]
    public void Validate_LoopbackEmulatorOverHttp_Succeeds() =>
        Assert.That(
            Validate(o =>
            {
                o.ApiHost = "127.0.0.1:5123";
                o.AllowInsecureLoopbackHttp = true;
                o.RedirectUri = new Uri("http://localhost:5000/cb");
            }).Succeeded,
            Is.True);

    [Test]
    public void Validate_Failure_NeverEchoesTheSecret()
    {
        var secret = new string('s', 39);
        var result = Validate(o => o.ClientSecret = secret);
        Assert.That(result.FailureMessage, Does.Not.Contain(secret));
    }

    [Test]
    public void AddDuo_InvalidOptions_ThrowOnFirstUse()
    {
        using var services = DuoTestHost.Build(TimeProvider.System, o => o.ApiHost = "https://bad");
        Assert.That(() => services.GetRequiredService<IOptions<DuoOptions>>().Value, Throws.TypeOf<OptionsValidationException>());
    }

    [Test]
    public void Defaults_Always_AreClosedV5AllOptions()
    {
        var options = new DuoOptions();
        Assert.Multiple(() =>
        {
            Assert.That(options.Failmode, Is.EqualTo(DuoFailmode.Closed));
            Assert.That(options.SignatureVersion, Is.EqualTo(DuoSignatureVersion.V5));
            Assert.That(options.AllowedAuthOptions, Is.EqualTo(DuoAuthOptions.All));
            Assert.That(options.ClockLeeway, Is.EqualTo(TimeSpan.FromSeconds(60)));
        });
    }
}
