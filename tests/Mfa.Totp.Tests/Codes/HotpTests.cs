using Mfa.Totp.Codes;

namespace Mfa.Totp.Tests.Codes;

[TestFixture]
public sealed class HotpTests
{
    private static IEnumerable<TestCaseData> Rfc4226Vectors()
    {
        var file = TestData.Load("totp/hotp-rfc4226-appendix-d.json");
        var secret = TestData.Hex(file["secret_hex"]!.GetValue<string>());
        foreach (var row in file["vectors"]!.AsArray())
        {
            yield return new TestCaseData(secret, row!["counter"]!.GetValue<long>(), row["truncated_decimal"]!.GetValue<int>(), row["hotp"]!.GetValue<string>())
                .SetName($"RFC 4226 Appendix D, counter {row["counter"]}");
        }
    }

    [TestCaseSource(nameof(Rfc4226Vectors))]
    public void ComputeCode_Rfc4226Vector_MatchesPublishedValue(byte[] secret, long counter, int truncated, string hotp)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Hotp.Truncate(secret, counter, TotpAlgorithm.Sha1), Is.EqualTo(truncated));
            Assert.That(Hotp.Format(Hotp.ComputeCode(secret, counter, TotpAlgorithm.Sha1, 6), 6), Is.EqualTo(hotp));
        });
    }

    [Test]
    public void Rfc4226Vectors_AllTenRows_AreLoaded()
    {
        Assert.That(Rfc4226Vectors().Count(), Is.EqualTo(10));
    }

    [TestCase(5)]
    [TestCase(9)]
    public void ComputeCode_DigitsOutOfRange_Throws(int digits)
    {
        Assert.That(() => Hotp.ComputeCode(new byte[20], 0, TotpAlgorithm.Sha1, digits), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Format_SmallCode_KeepsLeadingZeros()
    {
        Assert.That(Hotp.Format(42, 8), Is.EqualTo("00000042"));
    }
}
