using System.Security.Cryptography;
using Mfa.Core.Secrets;
using Mfa.Core.Storage;
using Mfa.Core.Tests.Fakes;
using Mfa.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Tests.DependencyInjection;

[TestFixture]
public sealed class MfaBuilderExtensionsTests
{
    private static readonly Type[] s_storeTypes =
    [
        typeof(IAuthenticatorStore),
        typeof(IChallengeStore),
        typeof(IReplayGuardStore),
        typeof(IAttemptCounterStore),
        typeof(IRecoveryCodeStore),
        typeof(IUserSettingsStore),
    ];

    [Test]
    public void UseInMemoryStores_Always_RegistersEveryStoreOnceAsASingleton()
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        foreach (var type in s_storeTypes)
        {
            Assert.That(services.Single(d => d.ServiceType == type).Lifetime, Is.EqualTo(ServiceLifetime.Singleton), type.Name);
            var first = provider.GetRequiredService(type);
            Assert.That(provider.GetRequiredService(type), Is.SameAs(first), type.Name);
        }
    }

    [Test]
    public void UseInMemoryStores_AppStoreRegisteredAfter_AppStoreWins()
    {
        var mine = new ThrowingChallengeStore();
        var services = new ServiceCollection();
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores();
        services.AddSingleton<IChallengeStore>(mine);
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IChallengeStore>(), Is.SameAs(mine));
    }

    [Test]
    public void UseInMemoryStores_NullBuilder_ThrowsArgumentNull()
    {
        Assert.That(() => MfaBuilderExtensions.UseInMemoryStores(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void UseDataProtection_NoKey_OptionsValid()
    {
        using var provider = WithDataProtection();

        Assert.That(() => provider.GetRequiredService<IOptions<MfaOptions>>().Value, Throws.Nothing);
    }

    [Test]
    public void UseDataProtection_Always_ReplacesTheAesGcmProtector()
    {
        using var provider = WithDataProtection();

        Assert.That(provider.GetRequiredService<ISecretProtector>(), Is.TypeOf<DataProtectionSecretProtector>());
    }

    [Test]
    public void UseDataProtection_ThenAddMfaAgain_KeepsDataProtection()
    {
        var services = new ServiceCollection();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddMfa().UseDataProtection();
        services.AddMfa();
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<ISecretProtector>(), Is.TypeOf<DataProtectionSecretProtector>());
    }

    [Test]
    public void UseDataProtection_Protected_RoundTrips()
    {
        using var provider = WithDataProtection();
        var protector = provider.GetRequiredService<ISecretProtector>();
        var secret = RandomNumberGenerator.GetBytes(20);

        var protectedData = protector.Protect(secret, "totp:alice");

        Assert.That(protector.Unprotect(protectedData, "totp:alice"), Is.EqualTo(secret));
    }

    [Test]
    public void UseDataProtection_NullBuilder_ThrowsArgumentNull()
    {
        Assert.That(() => MfaBuilderExtensions.UseDataProtection(null!), Throws.ArgumentNullException);
    }

    private static ServiceProvider WithDataProtection()
    {
        var services = new ServiceCollection();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddMfa().UseInMemoryStores().UseDataProtection();
        return services.BuildServiceProvider();
    }
}
