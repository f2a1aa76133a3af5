using Mfa.Core.Factors;
using Mfa.Core.Secrets;
using Mfa.Core.Service;
using Mfa.Core.Tests.Fakes;
using Mfa.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Core.Tests.DependencyInjection;

[TestFixture]
public sealed class MfaServiceCollectionExtensionsTests
{
    [Test]
    public void AddMfa_Always_ReturnsABuilderOverTheSameServices()
    {
        var services = new ServiceCollection();

        var builder = services.AddMfa();

        Assert.That(builder.Services, Is.SameAs(services));
    }

    [Test]
    public void AddMfa_NullServices_ThrowsArgumentNull()
    {
        Assert.That(() => MfaServiceCollectionExtensions.AddMfa(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void AddMfa_KeyAndStores_ResolvesTheMfaService()
    {
        using var provider = Valid().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.That(provider.GetRequiredService<IMfaService>(), Is.TypeOf<MfaService>());
    }

    [Test]
    public void AddMfa_Twice_RegistersEachServiceOnce()
    {
        var services = Valid();
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores();

        Assert.That(services.Count(d => d.ServiceType == typeof(IMfaService)), Is.EqualTo(1));
        Assert.That(services.Count(d => d.ServiceType == typeof(ISecretProtector)), Is.EqualTo(1));
        Assert.That(services.Count(d => d.ServiceType == typeof(TimeProvider)), Is.EqualTo(1));
        Assert.That(services.Count(d => d.ServiceType == typeof(IValidateOptions<MfaOptions>)), Is.EqualTo(1));
        Assert.That(services.Count(d => d.ServiceType == typeof(Mfa.Core.Storage.IChallengeStore)), Is.EqualTo(1));
    }

    [Test]
    public void AddMfa_Twice_BothConfigurationsApply()
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey);
        services.AddMfa(o => o.ThrottleMaxFailures = 3);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<MfaOptions>>().Value;

        Assert.That(options.SecretKey, Is.EqualTo(TestKeys.SecretKey));
        Assert.That(options.ThrottleMaxFailures, Is.EqualTo(3));
    }

    [Test]
    public void AddMfa_NoTimeProvider_UsesTheSystemClock()
    {
        using var provider = Valid().BuildServiceProvider();

        Assert.That(provider.GetRequiredService<TimeProvider>(), Is.SameAs(TimeProvider.System));
    }

    [Test]
    public async Task AddMfa_TimeProviderRegisteredBefore_ServiceUsesIt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores();
        services.AddSingleton<IFactor>(new CodeFactor(time: time));

        var start = await BeginEnrollmentAsync(services);

        Assert.That(start.ExpiresAt, Is.EqualTo(time.GetUtcNow() + TimeSpan.FromMinutes(10)));
    }

    [Test]
    public async Task AddMfa_TimeProviderRegisteredAfter_ServiceUsesIt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var services = Valid();
        services.AddSingleton<TimeProvider>(time);

        var start = await BeginEnrollmentAsync(services);

        Assert.That(start.ExpiresAt, Is.EqualTo(time.GetUtcNow() + TimeSpan.FromMinutes(10)));
    }

    [Test]
    public void AddMfa_NoKey_ReadingOptionsThrowsOptionsValidation()
    {
        var services = new ServiceCollection();
        services.AddMfa().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IOptions<MfaOptions>>().Value, Throws.TypeOf<OptionsValidationException>());
    }

    [Test]
    public void AddMfa_NoKey_ResolvingTheServiceThrowsOptionsValidation()
    {
        var services = new ServiceCollection();
        services.AddMfa().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<ISecretProtector>(), Throws.TypeOf<OptionsValidationException>());
    }

    [Test]
    public void AddMfa_NoStore_ResolvingTheServiceThrows()
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey);
        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IMfaService>(), Throws.InvalidOperationException);
    }

    [Test]
    public void StartAsync_HostWithoutKey_FailsAtStartUp()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMfa().UseInMemoryStores();
        using var host = builder.Build();

        Assert.That(async () => await host.StartAsync(), Throws.TypeOf<OptionsValidationException>());
    }

    [Test]
    public void StartAsync_HostWithOutOfRangeOption_FailsAtStartUp()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMfa(o =>
        {
            o.SecretKey = TestKeys.SecretKey;
            o.HardLockThreshold = 101;
        }).UseInMemoryStores();
        using var host = builder.Build();

        Assert.That(async () => await host.StartAsync(), Throws.TypeOf<OptionsValidationException>().With.Property(nameof(OptionsValidationException.Failures)).Some.Contains(nameof(MfaOptions.HardLockThreshold)));
    }

    [Test]
    public async Task StartAsync_HostWithKey_StartsAndResolvesTheService()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores();
        using var host = builder.Build();

        await host.StartAsync();
        try
        {
            Assert.That(host.Services.GetRequiredService<IMfaService>(), Is.Not.Null);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static ServiceCollection Valid()
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores();
        services.AddSingleton<IFactor>(sp => new CodeFactor(time: sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static async Task<MfaEnrollmentStart<CodeEnrollmentPrompt>> BeginEnrollmentAsync(ServiceCollection services)
    {
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<IMfaService>().BeginEnrollmentAsync(MfaHarness.Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind));
    }
}
