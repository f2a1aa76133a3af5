using Mfa.Totp.Codes;
using Mfa.Totp.KeyUri;

namespace Mfa.Totp.Tests.KeyUri;

[TestFixture]
public sealed class OtpAuthUriTests
{
    private static IEnumerable<TestCaseData> WikiExamples()
    {
        foreach (var example in TestData.Load("totp/otpauth-key-uri-format.json")["examples"]!.AsArray())
        {
            yield return new TestCaseData(example!["uri"]!.GetValue<string>(), example["account_name"]!.GetValue<string>(), example["effective"]!["issuer"]!.GetValue<string>(),
                example["effective"]!["secret_hex"]!.GetValue<string>(), example["effective"]!["algorithm"]!.GetValue<string>(),
                example["effective"]!["digits"]!.GetValue<int>(), example["effective"]!["period"]!.GetValue<int>())
                .SetName("Key Uri Format example: " + example["uri"]);
        }
    }

    private static IEnumerable<TestCaseData> LabelExamples()
    {
        foreach (var example in TestData.Load("totp/otpauth-key-uri-format.json")["label_examples"]!.AsArray())
        {
            yield return new TestCaseData(example!["label_raw"]!.GetValue<string>(), example["matching_issuer_parameter_raw"]!.GetValue<string>(),
                example["issuer_prefix"]!.GetValue<string>(), example["account_name"]!.GetValue<string>())
                .SetName("Key Uri Format label: " + example["label_raw"]);
        }
    }

    [TestCaseSource(nameof(WikiExamples))]
    public void TryParse_WikiExample_YieldsEffectiveValues(string uri, string account, string issuer, string secretHex, string algorithm, int digits, int period)
    {
        Assert.That(OtpAuthUri.TryParse(uri, out var parsed, out var error), Is.True, error);
        Assert.Multiple(() =>
        {
            Assert.That(parsed!.Type, Is.EqualTo("totp"));
            Assert.That(parsed.AccountName, Is.EqualTo(account));
            Assert.That(parsed.Issuer, Is.EqualTo(issuer));
            Assert.That(Convert.ToHexStringLower(parsed.GetSecret()), Is.EqualTo(secretHex));
            Assert.That(TotpAlgorithmNames.ToName(parsed.Parameters.Algorithm), Is.EqualTo(algorithm));
            Assert.That(parsed.Parameters.Digits, Is.EqualTo(digits));
            Assert.That(parsed.Parameters.PeriodSeconds, Is.EqualTo(period));
        });
    }

    [TestCaseSource(nameof(LabelExamples))]
    public void TryParse_WikiLabel_SplitsIssuerAndAccount(string label, string issuerParameter, string issuer, string account)
    {
        Assert.That(OtpAuthUri.TryParse($"otpauth://totp/{label}?secret=JBSWY3DPEHPK3PXP&issuer={issuerParameter}", out var parsed, out var error), Is.True, error);
        Assert.Multiple(() =>
        {
            Assert.That(parsed!.Issuer, Is.EqualTo(issuer));
            Assert.That(parsed.AccountName, Is.EqualTo(account));
        });
    }

    [Test]
    public void ToUriString_ThenTryParse_RoundTrips()
    {
        var secret = TotpSecret.Generate();
        var original = new OtpAuthUri(secret, "ACME Co & Sons", "jöhn+doe@example.com", new TotpParameters(TotpAlgorithm.Sha256, 8, 60));
        Assert.That(OtpAuthUri.TryParse(original.ToUriString(), out var parsed, out var error), Is.True, error);
        Assert.Multiple(() =>
        {
            Assert.That(parsed!.GetSecret(), Is.EqualTo(secret));
            Assert.That(parsed.Issuer, Is.EqualTo("ACME Co & Sons"));
            Assert.That(parsed.AccountName, Is.EqualTo("jöhn+doe@example.com"));
            Assert.That(parsed.Parameters, Is.EqualTo(new TotpParameters(TotpAlgorithm.Sha256, 8, 60)));
        });
    }

    [Test]
    public void ToUriString_Issuer_PercentEncodedInLabelAndParameter()
    {
        var uri = new OtpAuthUri("12345678901234567890"u8, "ACME Co", "alice@example.com", TotpParameters.Default).ToUriString();
        Assert.That(uri, Is.EqualTo("otpauth://totp/ACME%20Co:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30"));
    }

    [Test]
    public void ToString_DoesNotRevealSecret()
    {
        var uri = new OtpAuthUri("12345678901234567890"u8, "ACME", "alice", TotpParameters.Default);
        Assert.That(uri.ToString(), Does.Not.Contain("GEZDGNBV"));
    }

    [TestCase(null, "empty")]
    [TestCase("", "empty")]
    [TestCase("https://example.com/?secret=JBSWY3DPEHPK3PXP", "otpauth://")]
    [TestCase("otpauth://sotp/alice?secret=JBSWY3DPEHPK3PXP", "type")]
    [TestCase("otpauth://totp/?secret=JBSWY3DPEHPK3PXP", "label")]
    [TestCase("otpauth://totp/alice", "secret")]
    [TestCase("otpauth://totp/alice?secret=", "secret")]
    [TestCase("otpauth://totp/alice?secret=JBSWY3DPEHPK3PX1", "Base32")]
    [TestCase("otpauth://totp/alice?secret=JBSWY3DPEHPK3PXP&algorithm=MD5", "algorithm")]
    [TestCase("otpauth://totp/alice?secret=JBSWY3DPEHPK3PXP&digits=5", "digits")]
    [TestCase("otpauth://totp/alice?secret=JBSWY3DPEHPK3PXP&digits=six", "digits")]
    [TestCase("otpauth://totp/alice?secret=JBSWY3DPEHPK3PXP&period=0", "period")]
    [TestCase("otpauth://totp/alice?secret=JBSWY3DPEHPK3PXP&period=-30", "period")]
    [TestCase("otpauth://totp/alice?secret=JBSWY3DPEHPK3PXP&secret=JBSWY3DPEHPK3PXP", "twice")]
    [TestCase("otpauth://totp/A:alice?secret=JBSWY3DPEHPK3PXP&issuer=B", "differ")]
    [TestCase("otpauth://totp/al%ZZice?secret=JBSWY3DPEHPK3PXP", "percent")]
    [TestCase("otpauth://totp/alice%00?secret=JBSWY3DPEHPK3PXP", "percent")]
    [TestCase("otpauth://totp/A:b:c?secret=JBSWY3DPEHPK3PXP", "':'")]
    [TestCase("otpauth://hotp/alice?secret=JBSWY3DPEHPK3PXP", "counter")]
    public void TryParse_Invalid_FailsWithClearError(string? uri, string expectedFragment)
    {
        Assert.Multiple(() =>
        {
            Assert.That(OtpAuthUri.TryParse(uri, out var parsed, out var error), Is.False);
            Assert.That(parsed, Is.Null);
            Assert.That(error, Does.Contain(expectedFragment));
        });
    }

    [Test]
    public void TryParse_TooLong_Fails()
    {
        var uri = "otpauth://totp/alice?secret=" + new string('A', OtpAuthUri.MaxLength);
        Assert.That(OtpAuthUri.TryParse(uri, out _, out _), Is.False);
    }

    [Test]
    public void TryParse_Hotp_ReadsCounter()
    {
        Assert.That(OtpAuthUri.TryParse("otpauth://hotp/alice?secret=JBSWY3DPEHPK3PXP&counter=42", out var parsed, out _), Is.True);
        Assert.That(parsed!.Counter, Is.EqualTo(42));
    }

    [Test]
    public void TryParse_BadSecret_ErrorDoesNotEchoSecret()
    {
        var parsed = OtpAuthUri.TryParse("otpauth://totp/alice?secret=SUPERSECRET1", out _, out var error);
        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.False);
            Assert.That(error, Does.Not.Contain("SUPERSECRET"));
        });
    }
}
