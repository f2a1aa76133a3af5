using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Metadata.Provider;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mfa.WebAuthn.Metadata.Tests;

[TestFixture]
public sealed class FidoMetadataMfaBuilderExtensionsTests
{
    private static ServiceProvider Build(Action<FidoMetadataOptions>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMfa(o => o.SecretKey = new byte[32]).UseInMemoryStores().AddFidoMetadata(configure);
        return services.BuildServiceProvider();
    }

    [Test]
    public void AddFidoMetadata_Configured_ProviderIsTheTrustSourceAndAHostedServiceRuns()
    {
        using var provider = Build(o => o.TrustAnchors = [MdsTestData.Certificate(MdsTestData.Root)]);

        Assert.That(provider.GetRequiredService<IAuthenticatorTrustSource>(), Is.SameAs(provider.GetRequiredService<FidoMetadataProvider>()));
        Assert.That(provider.GetServices<IHostedService>().OfType<FidoMetadataRefreshService>().Count(), Is.EqualTo(1));
    }

    [Test]
    public void AddFidoMetadata_CalledTwice_RegistersOneProviderAndOneService()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var builder = services.AddMfa(o => o.SecretKey = new byte[32]);
        builder.AddFidoMetadata().AddFidoMetadata();

        Assert.That(services.Count(d => d.ServiceType == typeof(FidoMetadataProvider)), Is.EqualTo(1));
        Assert.That(services.Count(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(FidoMetadataRefreshService)), Is.EqualTo(1));
    }

    [Test]
    public void AddFidoMetadata_NoTrustAnchor_FailsValidation()
    {
        using var provider = Build(null);

        Assert.That(() => provider.GetRequiredService<IOptions<FidoMetadataOptions>>().Value, Throws.TypeOf<OptionsValidationException>().With.Message.Contains("TrustAnchors"));
    }

    [TestCase("http://mds3.fidoalliance.org/")]
    [TestCase("ftp://example.com/")]
    public void AddFidoMetadata_NonHttpsUrl_FailsValidation(string url)
    {
        using var provider = Build(o => { o.TrustAnchors = [MdsTestData.Certificate(MdsTestData.Root)]; o.BlobUrl = new Uri(url); });

        Assert.That(() => provider.GetRequiredService<IOptions<FidoMetadataOptions>>().Value, Throws.TypeOf<OptionsValidationException>().With.Message.Contains("BlobUrl"));
    }

    [TestCase(0.5)]
    [TestCase(60 * 24 * 40.0)]
    public void AddFidoMetadata_RefreshIntervalOutOfRange_FailsValidation(double minutes)
    {
        using var provider = Build(o => { o.TrustAnchors = [MdsTestData.Certificate(MdsTestData.Root)]; o.RefreshInterval = TimeSpan.FromMinutes(minutes); });

        Assert.That(() => provider.GetRequiredService<IOptions<FidoMetadataOptions>>().Value, Throws.TypeOf<OptionsValidationException>().With.Message.Contains("RefreshInterval"));
    }

    [Test]
    public void Options_Defaults_AreOfflineWithRevocationRequired()
    {
        var options = new FidoMetadataOptions();

        Assert.That((options.EnableDownload, options.RequireRevocationCheck, options.BlobUrl.ToString()), Is.EqualTo((false, true, "https://mds3.fidoalliance.org/")));
    }
}
