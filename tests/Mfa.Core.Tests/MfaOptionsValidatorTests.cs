using Mfa.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Tests;

/// <summary>Options are validated when first read (and at host start-up, see MfaServiceCollectionExtensionsTests).</summary>
[TestFixture]
public sealed class MfaOptionsValidatorTests
{
    private static IEnumerable<TestCaseData> OutOfRange()
    {
        static TestCaseData Row(string property, Action<MfaOptions> change, string value) =>
            new TestCaseData(property, change).SetArgDisplayNames(property, value);

        yield return Row(nameof(MfaOptions.ChallengeLifetime), o => o.ChallengeLifetime = TimeSpan.FromSeconds(9), "9 s");
        yield return Row(nameof(MfaOptions.ChallengeLifetime), o => o.ChallengeLifetime = TimeSpan.FromMinutes(15) + TimeSpan.FromTicks(1), "15 min + 1 tick");
        yield return Row(nameof(MfaOptions.ChallengeLifetime), o => o.ChallengeLifetime = TimeSpan.FromSeconds(-30), "negative");
        yield return Row(nameof(MfaOptions.EnrollmentLifetime), o => o.EnrollmentLifetime = TimeSpan.FromSeconds(59), "59 s");
        yield return Row(nameof(MfaOptions.EnrollmentLifetime), o => o.EnrollmentLifetime = TimeSpan.FromHours(1) + TimeSpan.FromTicks(1), "1 h + 1 tick");
        yield return Row(nameof(MfaOptions.EnrollmentGracePeriod), o => o.EnrollmentGracePeriod = TimeSpan.FromTicks(-1), "-1 tick");
        yield return Row(nameof(MfaOptions.EnrollmentGracePeriod), o => o.EnrollmentGracePeriod = TimeSpan.FromDays(90) + TimeSpan.FromTicks(1), "90 d + 1 tick");
        yield return Row(nameof(MfaOptions.ThrottleWindow), o => o.ThrottleWindow = TimeSpan.FromMilliseconds(999), "999 ms");
        yield return Row(nameof(MfaOptions.ThrottleWindow), o => o.ThrottleWindow = TimeSpan.FromDays(1) + TimeSpan.FromTicks(1), "1 d + 1 tick");
        yield return Row(nameof(MfaOptions.ThrottleMaxFailures), o => o.ThrottleMaxFailures = 0, "0");
        yield return Row(nameof(MfaOptions.ThrottleMaxFailures), o => o.ThrottleMaxFailures = 1_001, "1001");
        yield return Row(nameof(MfaOptions.HardLockThreshold), o => o.HardLockThreshold = 0, "0");
        yield return Row(nameof(MfaOptions.HardLockThreshold), o => o.HardLockThreshold = 101, "101 (NIST SP 800-63B)");
        yield return Row(nameof(MfaOptions.RecoveryCodeCount), o => o.RecoveryCodeCount = 0, "0");
        yield return Row(nameof(MfaOptions.RecoveryCodeCount), o => o.RecoveryCodeCount = 51, "51");
        yield return Row(nameof(MfaOptions.RecoveryCodeLength), o => o.RecoveryCodeLength = 7, "7");
        yield return Row(nameof(MfaOptions.RecoveryCodeLength), o => o.RecoveryCodeLength = 33, "33");
        yield return Row(nameof(MfaOptions.RecoveryCodeHashIterations), o => o.RecoveryCodeHashIterations = 999, "999");
        yield return Row(nameof(MfaOptions.RecoveryCodeHashIterations), o => o.RecoveryCodeHashIterations = 10_000_001, "10,000,001");
        yield return Row(nameof(MfaOptions.SecretKey), o => o.SecretKey = null, "none");
        yield return Row(nameof(MfaOptions.SecretKey), o => o.SecretKey = new byte[16], "16 bytes");
        yield return Row(nameof(MfaOptions.SecretKey), o => o.SecretKey = new byte[33], "33 bytes");
    }

    private static IEnumerable<TestCaseData> AtTheLimits()
    {
        static TestCaseData Row(Action<MfaOptions> change, string name) => new TestCaseData(change).SetArgDisplayNames(name);

        yield return Row(o => o.ChallengeLifetime = TimeSpan.FromSeconds(10), "ChallengeLifetime 10 s");
        yield return Row(o => o.ChallengeLifetime = TimeSpan.FromMinutes(15), "ChallengeLifetime 15 min");
        yield return Row(o => o.EnrollmentLifetime = TimeSpan.FromMinutes(1), "EnrollmentLifetime 1 min");
        yield return Row(o => o.EnrollmentLifetime = TimeSpan.FromHours(1), "EnrollmentLifetime 1 h");
        yield return Row(o => o.EnrollmentGracePeriod = TimeSpan.FromDays(90), "EnrollmentGracePeriod 90 d");
        yield return Row(o => o.ThrottleWindow = TimeSpan.FromSeconds(1), "ThrottleWindow 1 s");
        yield return Row(o => o.ThrottleWindow = TimeSpan.FromDays(1), "ThrottleWindow 1 d");
        yield return Row(o => o.ThrottleMaxFailures = 1, "ThrottleMaxFailures 1");
        yield return Row(o => o.ThrottleMaxFailures = 1_000, "ThrottleMaxFailures 1000");
        yield return Row(o => o.HardLockThreshold = 1, "HardLockThreshold 1");
        yield return Row(o => o.RecoveryCodeCount = 50, "RecoveryCodeCount 50");
        yield return Row(o => o.RecoveryCodeLength = 8, "RecoveryCodeLength 8");
        yield return Row(o => o.RecoveryCodeLength = 32, "RecoveryCodeLength 32");
        yield return Row(o => o.RecoveryCodeHashIterations = 1_000, "RecoveryCodeHashIterations 1000");
        yield return Row(o => o.RecoveryCodeHashIterations = 10_000_000, "RecoveryCodeHashIterations 10,000,000");
    }

    [TestCaseSource(nameof(OutOfRange))]
    public void Validate_OutOfRange_ValueThrowsNamingTheOption(string property, Action<MfaOptions> change)
    {
        using var provider = Build(change);

        var thrown = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<MfaOptions>>().Value);

        Assert.That(thrown!.Failures, Has.Some.Contains(property));
        Assert.That(thrown.Failures.Count(), Is.EqualTo(1), "only the changed option fails");
    }

    [TestCaseSource(nameof(AtTheLimits))]
    public void Validate_AtTheLimit_Valid(Action<MfaOptions> change)
    {
        using var provider = Build(change);

        Assert.That(() => provider.GetRequiredService<IOptions<MfaOptions>>().Value, Throws.Nothing);
    }

    [Test]
    public void Validate_Defaults_Valid()
    {
        using var provider = Build(_ => { });

        Assert.That(provider.GetRequiredService<IOptions<MfaOptions>>().Value.ChallengeLifetime, Is.EqualTo(TimeSpan.FromMinutes(2)));
    }

    [Test]
    public void Validate_NoKey_MessageNamesTheFixWithoutAnyKeyMaterial()
    {
        using var provider = Build(o => o.SecretKey = null);

        var thrown = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<MfaOptions>>().Value);

        Assert.That(thrown!.Message, Does.Contain("UseDataProtection"));
    }

    [Test]
    public void Validate_WrongLengthKey_MessageHasNoKeyMaterial()
    {
        var key = Enumerable.Range(0xA0, 31).Select(i => (byte)i).ToArray();
        using var provider = Build(o => o.SecretKey = key);

        var thrown = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<MfaOptions>>().Value);

        Assert.That(thrown!.Message, Does.Not.Contain(Convert.ToHexString(key)[..8]).IgnoreCase);
        Assert.That(thrown.Message, Does.Not.Contain(Convert.ToBase64String(key)[..8]));
    }

    private static ServiceProvider Build(Action<MfaOptions> change)
    {
        var services = new ServiceCollection();
        services.AddMfa(o =>
        {
            o.SecretKey = TestKeys.SecretKey;
            change(o);
        });
        return services.BuildServiceProvider();
    }
}
