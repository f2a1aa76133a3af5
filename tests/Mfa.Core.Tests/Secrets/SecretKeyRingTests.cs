using System.Security.Cryptography;
using Mfa.Core.Secrets;
using Mfa.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Tests.Secrets;

/// <summary>The key ring's settings: binding from configuration and the validator's messages (never key material).</summary>
[TestFixture]
public sealed class SecretKeyRingTests
{
    private static readonly byte[] s_second = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];

    private static OptionsValidationException? Failure(Action<MfaOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddMfa(configure);
        using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<MfaOptions>>().Value;
            return null;
        }
        catch (OptionsValidationException e)
        {
            return e;
        }
    }

    private static void AssertNoKeyMaterial(OptionsValidationException failure, params byte[][] keys)
    {
        foreach (var key in keys)
        {
            Assert.That(failure.Message, Does.Not.Contain(Convert.ToBase64String(key)[..8]));
            Assert.That(failure.Message, Does.Not.Contain(Convert.ToHexString(key)[..8]).IgnoreCase);
        }
    }

    [Test]
    public void Validate_TwoKeysWithAPrimary_Valid()
    {
        Assert.That(Failure(o => { o.SecretKey = TestKeys.SecretKey; o.SecretKeys["2026-12"] = s_second; o.PrimarySecretKeyId = "2026-12"; }), Is.Null);
    }

    [Test]
    public void Validate_OnlySecretKeysWithOneKey_ValidWithoutAPrimary()
    {
        Assert.That(Failure(o => o.SecretKeys["2026-12"] = s_second), Is.Null);
    }

    [Test]
    public void Validate_TwoKeysWithoutAPrimary_AsksForPrimarySecretKeyId()
    {
        var failure = Failure(o => { o.SecretKey = TestKeys.SecretKey; o.SecretKeys["2026-12"] = s_second; });

        Assert.That(failure!.Message, Does.Contain(nameof(MfaOptions.PrimarySecretKeyId)).And.Contain("default, 2026-12"));
        AssertNoKeyMaterial(failure, TestKeys.SecretKey, s_second);
    }

    [Test]
    public void Validate_PrimaryNamesNoConfiguredKey_Refused()
    {
        var failure = Failure(o => { o.SecretKey = TestKeys.SecretKey; o.PrimarySecretKeyId = "2027-01"; });

        Assert.That(failure!.Message, Does.Contain("'2027-01' names no configured key"));
    }

    [Test]
    public void Validate_SecretKeyAndSecretKeysDefault_DuplicateId()
    {
        var failure = Failure(o => { o.SecretKey = TestKeys.SecretKey; o.SecretKeys[MfaOptions.DefaultSecretKeyId] = s_second; o.PrimarySecretKeyId = "default"; });

        Assert.That(failure!.Message, Does.Contain("Duplicate key id 'default'"));
    }

    [Test]
    public void Validate_IdsDifferingOnlyInCase_DuplicateIds()
    {
        var failure = Failure(o => { o.SecretKeys["k1"] = TestKeys.SecretKey; o.SecretKeys["K1"] = s_second; o.PrimarySecretKeyId = "k1"; });

        Assert.That(failure!.Message, Does.Contain("differing only in case"));
    }

    [Test]
    public void Validate_SameKeyUnderTwoIds_Refused()
    {
        var failure = Failure(o => { o.SecretKey = TestKeys.SecretKey; o.SecretKeys["copy"] = TestKeys.SecretKey; o.PrimarySecretKeyId = "copy"; });

        Assert.That(failure!.Message, Does.Contain("are the same key"));
        AssertNoKeyMaterial(failure, TestKeys.SecretKey);
    }

    [TestCase(16)]
    [TestCase(33)]
    public void Validate_RingKeyOfWrongLength_NamesItsId(int length)
    {
        var key = Enumerable.Range(0xA0, length).Select(i => (byte)i).ToArray();
        var failure = Failure(o => { o.SecretKey = TestKeys.SecretKey; o.SecretKeys["short"] = key; o.PrimarySecretKeyId = "default"; });

        Assert.That(failure!.Message, Does.Contain("'short' must be a 32-byte"));
        AssertNoKeyMaterial(failure, key);
    }

    [Test]
    public void Validate_RingKeyAllZeros_Refused()
    {
        var failure = Failure(o => o.SecretKeys["zero"] = new byte[32]);

        Assert.That(failure!.Message, Does.Contain("'zero' is all zeros"));
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("a/b")]
    [TestCase("this-key-id-is-far-too-long-for-a-header")]
    public void Validate_InvalidKeyId_Refused(string id)
    {
        var failure = Failure(o => o.SecretKeys[id] = s_second);

        Assert.That(failure!.Message, Does.Contain("Key ids are 1 to 32 characters"));
    }

    [Test]
    public void AddMfa_SecretKeysSection_BindsEachKeyAndThePrimary()
    {
        var values = new Dictionary<string, string?>
        {
            ["Mfa:SecretKey"] = Convert.ToBase64String(TestKeys.SecretKey),
            ["Mfa:SecretKeys:2026-12"] = Convert.ToBase64String(s_second),
            ["Mfa:PrimarySecretKeyId"] = "2026-12",
        };
        var services = new ServiceCollection();
        services.AddMfa(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Mfa"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<MfaOptions>>().Value;

        Assert.That(options.SecretKeys["2026-12"], Is.EqualTo(s_second));
        Assert.That(options.PrimarySecretKeyId, Is.EqualTo("2026-12"));
        Assert.That(provider.GetRequiredService<ISecretProtector>().GetKeyId(provider.GetRequiredService<ISecretProtector>().Protect([1], "p")), Is.EqualTo("2026-12"));
    }

    [Test]
    public void AddMfa_SecretKeysValueNotBase64_NamesTheIdWithoutTheValue()
    {
        var values = new Dictionary<string, string?> { ["Mfa:SecretKeys:2026-12"] = "not base64 !!secret-ish!!" };
        var services = new ServiceCollection();
        services.AddMfa(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Mfa"));
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<MfaOptions>>().Value);

        Assert.That(failure!.Message, Does.Contain("Mfa:SecretKeys:2026-12 is not base64"));
        Assert.That(failure.Message, Does.Not.Contain("secret-ish"));
    }

    [Test]
    public void Constructor_RingBreakingARule_ThrowsOptionsValidationException()
    {
        var options = new MfaOptions { SecretKey = TestKeys.SecretKey };
        options.SecretKeys["2026-12"] = s_second;

        Assert.That(() => new AesGcmSecretProtector(Options.Create(options)), Throws.InstanceOf<OptionsValidationException>());
    }

    internal static byte[] RandomKey() => RandomNumberGenerator.GetBytes(32);
}
