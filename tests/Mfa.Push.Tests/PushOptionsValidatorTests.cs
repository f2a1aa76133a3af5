using System.Security.Cryptography;

namespace Mfa.Push.Tests;

[TestFixture]
public sealed class PushOptionsValidatorTests
{
    private static PushOptions Valid(ECDsa key) => new()
    {
        VerifierId = "https://login.example.com",
        IssuerLabel = "Contoso",
        ChallengeSigningKey = key,
        ChallengeSigningKeyId = "srv-2026-01",
    };

    [Test]
    public void Validate_RequiredSet_IsValidWithSpecDefaults()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = Valid(key);
        Assert.That(new PushOptionsValidator().Validate(null, options).Succeeded, Is.True);
        Assert.That(options.AnswerWindow, Is.EqualTo(TimeSpan.FromSeconds(120)));
        Assert.That(options.EnrollmentLifetime, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(options.NumberMatching, Is.EqualTo(PushNumberMatching.Enter));
        Assert.That(options.NumberLength, Is.EqualTo(2));
        Assert.That(options.MaxDevicesPerUser, Is.EqualTo(5));
        Assert.That(options.FraudBlock, Is.EqualTo(TimeSpan.FromMinutes(20)));
    }

    private static IEnumerable<TestCaseData> InvalidCases()
    {
        yield return new TestCaseData((Action<PushOptions>)(o => o.VerifierId = "http://login.example.com"), nameof(PushOptions.VerifierId));
        yield return new TestCaseData((Action<PushOptions>)(o => o.VerifierId = "https://login.example.com/path"), nameof(PushOptions.VerifierId));
        yield return new TestCaseData((Action<PushOptions>)(o => o.EndpointBasePath = "no-slash"), nameof(PushOptions.EndpointBasePath));
        yield return new TestCaseData((Action<PushOptions>)(o => o.IssuerLabel = ""), nameof(PushOptions.IssuerLabel));
        yield return new TestCaseData((Action<PushOptions>)(o => o.ChallengeSigningKey = null), nameof(PushOptions.ChallengeSigningKey));
        yield return new TestCaseData((Action<PushOptions>)(o => o.ChallengeSigningKey = ECDsa.Create(ECCurve.NamedCurves.nistP384)), nameof(PushOptions.ChallengeSigningKey));
        yield return new TestCaseData((Action<PushOptions>)(o => o.ChallengeSigningKeyId = ""), nameof(PushOptions.ChallengeSigningKeyId));
        yield return new TestCaseData((Action<PushOptions>)(o => o.EnrollmentLifetime = TimeSpan.FromMinutes(11)), nameof(PushOptions.EnrollmentLifetime));
        yield return new TestCaseData((Action<PushOptions>)(o => o.AnswerWindow = TimeSpan.FromSeconds(301)), nameof(PushOptions.AnswerWindow));
        yield return new TestCaseData((Action<PushOptions>)(o => o.AnswerWindow = TimeSpan.FromSeconds(29)), nameof(PushOptions.AnswerWindow));
        yield return new TestCaseData((Action<PushOptions>)(o => o.NumberLength = 9), nameof(PushOptions.NumberLength));
        yield return new TestCaseData((Action<PushOptions>)(o => o.ChoiceCount = 1), nameof(PushOptions.ChoiceCount));
        yield return new TestCaseData((Action<PushOptions>)(o => o.NumberMatching = (PushNumberMatching)9), nameof(PushOptions.NumberMatching));
        yield return new TestCaseData((Action<PushOptions>)(o => o.UserVerification = (PushUserVerification)9), nameof(PushOptions.UserVerification));
        yield return new TestCaseData((Action<PushOptions>)(o => o.MaxDevicesPerUser = 0), nameof(PushOptions.MaxDevicesPerUser));
        yield return new TestCaseData((Action<PushOptions>)(o => o.MaxFailuresPerWindow = 0), nameof(PushOptions.MaxFailuresPerWindow));
        yield return new TestCaseData((Action<PushOptions>)(o => o.FraudBlock = TimeSpan.Zero), nameof(PushOptions.FraudBlock));
    }

    [TestCaseSource(nameof(InvalidCases))]
    public void Validate_OutOfRange_NamesTheOption(Action<PushOptions> change, string property)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = Valid(key);
        change(options);
        var result = new PushOptionsValidator().Validate(null, options);
        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain(property));
    }

    [Test]
    public void Validate_PublicOnlyKey_IsRefused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var publicOnly = ECDsa.Create(key.ExportParameters(false));
        var options = Valid(publicOnly);
        Assert.That(new PushOptionsValidator().Validate(null, options).Failed, Is.True);
    }
}
