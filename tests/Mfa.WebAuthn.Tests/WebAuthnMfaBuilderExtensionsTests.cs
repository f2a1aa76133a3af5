using Mfa.Core.Factors;
using Mfa.Testing;
using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Tests.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mfa.WebAuthn.Tests;

[TestFixture]
public sealed class WebAuthnMfaBuilderExtensionsTests
{
    [Test]
    public void AddWebAuthn_CalledTwice_RegistersOneFactor()
    {
        var services = new ServiceCollection();
        var builder = services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores();
        builder.AddWebAuthn(Configure).AddWebAuthn(Configure);
        using var provider = services.BuildServiceProvider();

        var factors = provider.GetServices<IFactor>().ToList();

        Assert.That(factors, Has.Count.EqualTo(1));
        Assert.That(factors[0], Is.TypeOf<WebAuthnFactor>());
        Assert.That(factors[0].Kind, Is.EqualTo(FactorKinds.WebAuthn));
    }

    [Test]
    public void AddWebAuthn_InvalidOptions_ThrowsOnFirstUse()
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores().AddWebAuthn(o => o.RelyingPartyId = "example.com");
        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetServices<IFactor>().ToList(), Throws.TypeOf<OptionsValidationException>());
    }

    [Test]
    public void AddWebAuthn_TrustRequiredWithoutAnchorsButTrustSourceRegistered_Valid()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IAuthenticatorTrustSource>(new FakeTrustSource());
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores().AddWebAuthn(o =>
        {
            Configure(o);
            (o.RequireTrustedAttestation, o.Attestation) = (true, AttestationConveyance.Direct);
        });
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetServices<IFactor>().OfType<WebAuthnFactor>().ToList(), Has.Count.EqualTo(1));
    }

    [Test]
    public void AddWebAuthn_TrustRequiredWithoutAnchorsOrTrustSource_ThrowsOnFirstUse()
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores().AddWebAuthn(o =>
        {
            Configure(o);
            (o.RequireTrustedAttestation, o.Attestation) = (true, AttestationConveyance.Direct);
        });
        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetServices<IFactor>().ToList(), Throws.TypeOf<OptionsValidationException>());
    }

    private static void Configure(WebAuthnOptions options)
    {
        options.RelyingPartyId = "example.com";
        options.RelyingPartyName = "Example";
        options.Origins = ["https://example.com"];
    }
}
