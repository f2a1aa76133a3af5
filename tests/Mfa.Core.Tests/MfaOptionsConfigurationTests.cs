using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Tests;

/// <summary><c>AddMfa(configuration.GetSection("Mfa"))</c>: the key as base64, clear messages, weak keys refused.</summary>
[TestFixture]
public sealed class MfaOptionsConfigurationTests
{
    private static readonly string s_key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static MfaOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddMfa(configuration.GetSection("Mfa"));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<MfaOptions>>().Value;
    }

    private static OptionsValidationException? Failure(Dictionary<string, string?> values)
    {
        try
        {
            Bind(values);
            return null;
        }
        catch (OptionsValidationException e)
        {
            return e;
        }
    }

    [Test]
    public void AddMfa_Section_BindsKeyLifetimesLimitsAndFactors()
    {
        var options = Bind(new()
        {
            ["Mfa:SecretKey"] = s_key,
            ["Mfa:ChallengeLifetime"] = "00:03:00",
            ["Mfa:HardLockThreshold"] = "20",
            ["Mfa:RequireMfaByDefault"] = "false",
            ["Mfa:AllowedFactors:0"] = "totp",
            ["Mfa:AllowedFactors:1"] = "webauthn",
        });

        Assert.That(options.SecretKey, Is.EqualTo(Convert.FromBase64String(s_key)));
        Assert.That(options.ChallengeLifetime, Is.EqualTo(TimeSpan.FromMinutes(3)));
        Assert.That(options.HardLockThreshold, Is.EqualTo(20));
        Assert.That(options.RequireMfaByDefault, Is.False);
        Assert.That(options.AllowedFactors, Is.EquivalentTo(new[] { "totp", "webauthn" }));
    }

    [Test]
    public void AddMfa_MissingKey_SaysHowToMakeOne()
    {
        var failure = Failure(new() { ["Mfa:ChallengeLifetime"] = "00:03:00" });

        Assert.That(failure!.Message, Does.Contain("mfa keygen"));
    }

    [Test]
    public void AddMfa_MalformedKey_ClearMessageWithoutTheValue()
    {
        var failure = Failure(new() { ["Mfa:SecretKey"] = "not base64 !!secret-ish!!" });

        Assert.That(failure!.Message, Does.Contain("not base64"));
        Assert.That(failure.Message, Does.Not.Contain("secret-ish"));
    }

    [TestCase(16, Description = "short")]
    [TestCase(64, Description = "long")]
    public void AddMfa_KeyNot32Bytes_Refused(int length)
    {
        var failure = Failure(new() { ["Mfa:SecretKey"] = Convert.ToBase64String(new byte[length].Select((_, i) => (byte)(i + 1)).ToArray()) });

        Assert.That(failure!.Message, Does.Contain("32-byte"));
    }

    [Test]
    public void AddMfa_AllZeroKey_Refused()
    {
        var failure = Failure(new() { ["Mfa:SecretKey"] = Convert.ToBase64String(new byte[32]) });

        Assert.That(failure!.Message, Does.Contain("all zeros"));
    }

    [Test]
    public void AddMfa_UnreadableLifetime_NamedInTheMessage()
    {
        var failure = Failure(new() { ["Mfa:SecretKey"] = s_key, ["Mfa:ChallengeLifetime"] = "two minutes" });

        Assert.That(failure!.Message, Does.Contain(nameof(MfaOptions.ChallengeLifetime)));
    }

    [Test]
    public void AddMfa_ConfigureAfterSection_Overrides()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Mfa:SecretKey"] = s_key, ["Mfa:HardLockThreshold"] = "20" }).Build();
        var services = new ServiceCollection();
        services.AddMfa(configuration.GetSection("Mfa"), o => o.HardLockThreshold = 7);
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IOptions<MfaOptions>>().Value.HardLockThreshold, Is.EqualTo(7));
    }
}
