namespace Mfa.Core.Tests;

[TestFixture]
public sealed class MfaOptionsTests
{
    [Test]
    public void Constructor_Defaults_AsDocumented()
    {
        var options = new MfaOptions();

        Assert.That(options.ChallengeLifetime, Is.EqualTo(TimeSpan.FromMinutes(2)));
        Assert.That(options.EnrollmentLifetime, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(options.RequireMfaByDefault, Is.True);
        Assert.That(options.EnrollmentGracePeriod, Is.EqualTo(TimeSpan.Zero));
        Assert.That(options.AllowedFactors, Is.Empty);
        Assert.That(options.ThrottleMaxFailures, Is.EqualTo(5));
        Assert.That(options.ThrottleWindow, Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(options.HardLockThreshold, Is.EqualTo(100));
        Assert.That(options.RecoveryCodeCount, Is.EqualTo(10));
        Assert.That(options.RecoveryCodeLength, Is.EqualTo(10));
        Assert.That(options.SecretKey, Is.Null);
    }

    [Test]
    public void RecoveryCodeHashIterations_Default_IsOneHundredThousand()
    {
        Assert.That(new MfaOptions().RecoveryCodeHashIterations, Is.EqualTo(100_000));
    }

    [Test]
    public void AllowedFactors_Kinds_AreCaseSensitive()
    {
        var options = new MfaOptions();
        options.AllowedFactors.Add("totp");

        Assert.That(options.AllowedFactors.Contains("TOTP"), Is.False);
    }
}
