using Mfa.Core.Factors;
using Mfa.Push.Factor;
using Mfa.Push.Transports;
using Mfa.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mfa.Push.Tests.Factor;

/// <summary>AddPush registers the factor once, validates its options, and adds transports through its builder.</summary>
[TestFixture]
public sealed class PushMfaBuilderExtensionsTests
{
    [Test]
    public void AddPush_Twice_OneFactor()
    {
        var services = new ServiceCollection();
        var mfa = services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores();
        mfa.AddPush();
        mfa.AddPush().AddInProcess();

        Assert.That(services.Count(d => d.ServiceType == typeof(IFactor)), Is.EqualTo(1));
        Assert.That(services.Count(d => d.ServiceType == typeof(IPushTransport)), Is.EqualTo(1));
    }

    [Test]
    public void AddPush_NoSigningKey_OptionsInvalid()
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores().AddPush(o => o.VerifierId = "https://login.example.com");
        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IOptions<PushOptions>>().Value, Throws.TypeOf<OptionsValidationException>());
    }

    [Test]
    public void GetServices_AddPush_FactorKindPush()
    {
        using var host = new PushFactorHost();

        var factors = host.Provider.GetServices<IFactor>().ToList();

        Assert.That(factors.Select(f => f.Kind), Is.EquivalentTo(new[] { FactorKinds.Push }));
        Assert.That(factors[0], Is.InstanceOf<IOutOfBandFactor>());
        Assert.That(PushFactor.TransactionOf(Core.MfaPurpose.StepUp("pay")), Is.EqualTo(PushTransactionType.StepUp));
    }
}
