using Mfa.Totp.Codes;

namespace Mfa.Totp.Tests.Codes;

[TestFixture]
public sealed class TotpTests
{
    private static IEnumerable<TestCaseData> Rfc6238Vectors()
    {
        var file = TestData.Load("totp/totp-rfc6238-appendix-b.json");
        var seeds = file["seeds"]!;
        var rows = file["vectors"]!.AsArray();
        foreach (var row in rows)
        {
            var mode = row!["mode"]!.GetValue<string>();
            var algorithm = mode switch
            {
                "SHA1" => TotpAlgorithm.Sha1,
                "SHA256" => TotpAlgorithm.Sha256,
                "SHA512" => TotpAlgorithm.Sha512,
                _ => throw new InvalidDataException(mode),
            };
            var seed = TestData.Hex(seeds[mode]!["hex"]!.GetValue<string>());
            var time = row["time_unix_seconds"]!.GetValue<long>();
            yield return new TestCaseData(seed, algorithm, time, row["t"]!.GetValue<long>(), row["totp"]!.GetValue<string>(), row["totp_6_digits_derived"]!.GetValue<string>())
                .SetName($"RFC 6238 Appendix B, {mode} at {time}");
        }
    }

    [TestCaseSource(nameof(Rfc6238Vectors))]
    public void GenerateCode_Rfc6238Vector_MatchesPublishedCode(byte[] seed, TotpAlgorithm algorithm, long time, long step, string code8, string code6)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(time);
        Assert.Multiple(() =>
        {
            Assert.That(new TotpParameters(algorithm, 8).TimeStepAt(time), Is.EqualTo(step));
            Assert.That(TotpCode.Generate(seed, at, new TotpParameters(algorithm, 8)), Is.EqualTo(code8));
            Assert.That(TotpCode.Generate(seed, at, new TotpParameters(algorithm, 6)), Is.EqualTo(code6));
        });
    }

    [TestCaseSource(nameof(Rfc6238Vectors))]
    public void Verify_Rfc6238Vector_MatchesWithZeroDrift(byte[] seed, TotpAlgorithm algorithm, long time, long step, string code8, string code6)
    {
        var result = Mfa.Totp.Verification.TotpVerifier.Verify(seed, code8, DateTimeOffset.FromUnixTimeSeconds(time), new TotpParameters(algorithm, 8), window: 0);
        Assert.That(result, Is.EqualTo(new Mfa.Totp.Verification.TotpVerification(Mfa.Core.MfaFailureReason.None, step, 0)));
    }

    [Test]
    public void Rfc6238Vectors_AllEighteenRows_AreLoaded()
    {
        Assert.That(Rfc6238Vectors().Count(), Is.EqualTo(18));
    }

    [Test]
    public void TimeStepAt_CustomT0AndPeriod_CountsFromT0()
    {
        var parameters = new TotpParameters(TotpAlgorithm.Sha1, 6, periodSeconds: 60, t0: 1_000);
        Assert.Multiple(() =>
        {
            Assert.That(parameters.TimeStepAt(1_000), Is.Zero);
            Assert.That(parameters.TimeStepAt(1_059), Is.Zero);
            Assert.That(parameters.TimeStepAt(1_060), Is.EqualTo(1));
            Assert.That(parameters.TimeStepAt(999), Is.EqualTo(-1));
        });
    }

    [Test]
    public void GenerateCode_BeforeT0_Throws()
    {
        var parameters = new TotpParameters(TotpAlgorithm.Sha1, 6, 30, t0: 1_000);
        Assert.That(() => TotpCode.Generate(new byte[20], DateTimeOffset.FromUnixTimeSeconds(10), parameters), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [TestCase(5, 30)]
    [TestCase(9, 30)]
    [TestCase(6, 0)]
    [TestCase(6, 3601)]
    public void Constructor_OutOfRange_Throws(int digits, int period)
    {
        Assert.That(() => new TotpParameters(TotpAlgorithm.Sha1, digits, period), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Generate_DefaultSize_Is160BitsAndRandom()
    {
        var first = TotpSecret.Generate();
        var second = TotpSecret.Generate();
        Assert.Multiple(() =>
        {
            Assert.That(first, Has.Length.EqualTo(20));
            Assert.That(first, Is.Not.EqualTo(second));
        });
    }

    [TestCase(19)]
    [TestCase(65)]
    public void Generate_SizeOutOfRange_Throws(int bytes)
    {
        Assert.That(() => TotpSecret.Generate(bytes), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
