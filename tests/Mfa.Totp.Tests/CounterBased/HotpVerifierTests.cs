using Mfa.Core;
using Mfa.Totp.Codes;
using Mfa.Totp.CounterBased;

namespace Mfa.Totp.Tests.CounterBased;

[TestFixture]
public sealed class HotpVerifierTests
{
    private static readonly byte[] s_secret = TestData.Hex(TestData.Load("totp/hotp-rfc4226-appendix-d.json")["secret_hex"]!.GetValue<string>());

    /// <summary>RFC 4226 Appendix D: the HOTP values of counters 0 to 9 for the secret "12345678901234567890".</summary>
    private static string[] Vectors() => [.. TestData.Load("totp/hotp-rfc4226-appendix-d.json")["vectors"]!.AsArray().Select(row => row!["hotp"]!.GetValue<string>())];

    private static IEnumerable<TestCaseData> Rfc4226Vectors() =>
        Vectors().Select((hotp, counter) => new TestCaseData((long)counter, hotp).SetName($"Verify_Rfc4226AppendixD_Counter{counter}_MatchesThatCounter"));

    [TestCaseSource(nameof(Rfc4226Vectors))]
    public void Verify_Rfc4226AppendixDVector_MatchesItsCounter(long counter, string hotp)
    {
        var result = HotpVerifier.Verify(s_secret, hotp, 0, 9, TotpAlgorithm.Sha1, 6);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Succeeded, Is.True);
            Assert.That(result.Counter, Is.EqualTo(counter));
            Assert.That(result.Skipped, Is.EqualTo(counter));
        }
    }

    [Test]
    public void Verify_ExpectedCounter_SkipsNothing()
    {
        var result = HotpVerifier.Verify(s_secret, Vectors()[4], 4, 10, TotpAlgorithm.Sha1, 6);

        Assert.That(result, Is.EqualTo(new HotpVerification(MfaFailureReason.None, 4, 0)));
    }

    [Test]
    public void Verify_CodeOfAnEarlierCounter_IsInvalid()
    {
        var result = HotpVerifier.Verify(s_secret, Vectors()[3], 4, 5, TotpAlgorithm.Sha1, 6);

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.InvalidCode));
    }

    [Test]
    public void Verify_CodePastTheLookAhead_IsInvalid()
    {
        var result = HotpVerifier.Verify(s_secret, Vectors()[9], 0, 8, TotpAlgorithm.Sha1, 6);

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.InvalidCode));
    }

    [Test]
    public void Verify_CodeAtTheLastCounterOfTheLookAhead_Matches()
    {
        var result = HotpVerifier.Verify(s_secret, Vectors()[9], 0, 9, TotpAlgorithm.Sha1, 6);

        Assert.That(result.Counter, Is.EqualTo(9));
    }

    [Test]
    public void Verify_LookAheadZero_AcceptsOnlyTheExpectedCounter()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(HotpVerifier.Verify(s_secret, Vectors()[2], 2, 0, TotpAlgorithm.Sha1, 6).Succeeded, Is.True);
            Assert.That(HotpVerifier.Verify(s_secret, Vectors()[3], 2, 0, TotpAlgorithm.Sha1, 6).Failure, Is.EqualTo(MfaFailureReason.InvalidCode));
        }
    }

    [Test]
    public void Verify_CodeWithSpaces_IsRead()
    {
        var result = HotpVerifier.Verify(s_secret, "755 224", 0, 0, TotpAlgorithm.Sha1, 6);

        Assert.That(result.Succeeded, Is.True);
    }

    [TestCase("75522")]
    [TestCase("7552240")]
    [TestCase("75522a")]
    [TestCase("")]
    [TestCase("７５５２２４")]
    public void Verify_MalformedCode_FailsMalformedInput(string code)
    {
        var result = HotpVerifier.Verify(s_secret, code, 0, 10, TotpAlgorithm.Sha1, 6);

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void Verify_EightDigits_MatchesTheLongerTruncation()
    {
        var code = Hotp.Format(Hotp.ComputeCode(s_secret, 7, TotpAlgorithm.Sha256, 8), 8);

        var result = HotpVerifier.Verify(s_secret, code, 5, 3, TotpAlgorithm.Sha256, 8);

        Assert.That(result.Counter, Is.EqualTo(7));
    }

    [Test]
    public void VerifyConsecutive_TwoConsecutiveCodes_ReturnsTheSecondCounter()
    {
        var result = HotpVerifier.VerifyConsecutive(s_secret, Vectors()[5], Vectors()[6], 0, 100, TotpAlgorithm.Sha1, 6);

        Assert.That(result, Is.EqualTo(new HotpVerification(MfaFailureReason.None, 6, 5)));
    }

    [Test]
    public void VerifyConsecutive_CodesOneApart_AreInvalid()
    {
        var result = HotpVerifier.VerifyConsecutive(s_secret, Vectors()[5], Vectors()[7], 0, 100, TotpAlgorithm.Sha1, 6);

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.InvalidCode));
    }

    [Test]
    public void VerifyConsecutive_CodesInReverseOrder_AreInvalid()
    {
        var result = HotpVerifier.VerifyConsecutive(s_secret, Vectors()[6], Vectors()[5], 0, 100, TotpAlgorithm.Sha1, 6);

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.InvalidCode));
    }

    [Test]
    public void VerifyConsecutive_FirstCodeBeforeTheWindow_IsInvalid()
    {
        var result = HotpVerifier.VerifyConsecutive(s_secret, Vectors()[5], Vectors()[6], 6, 100, TotpAlgorithm.Sha1, 6);

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.InvalidCode));
    }

    [Test]
    public void VerifyConsecutive_FirstCodeAtTheWindowsEnd_Matches()
    {
        var result = HotpVerifier.VerifyConsecutive(s_secret, Vectors()[8], Vectors()[9], 2, 6, TotpAlgorithm.Sha1, 6);

        Assert.That(result.Counter, Is.EqualTo(9));
    }

    [Test]
    public void VerifyConsecutive_MalformedSecondCode_FailsMalformedInput()
    {
        var result = HotpVerifier.VerifyConsecutive(s_secret, Vectors()[5], "12", 0, 100, TotpAlgorithm.Sha1, 6);

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [TestCase(-1L, 10, 6)]
    [TestCase(HotpVerifier.MaxCounter + 1, 10, 6)]
    [TestCase(0L, -1, 6)]
    [TestCase(0L, HotpVerifier.MaxLookAhead + 1, 6)]
    [TestCase(0L, 10, 9)]
    public void Verify_ArgumentOutOfRange_Throws(long counter, int lookAhead, int digits)
    {
        Assert.That(() => HotpVerifier.Verify(s_secret, "755224", counter, lookAhead, TotpAlgorithm.Sha1, digits), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void VerifyConsecutive_LargestCounterAndWindow_MatchesTheWindowsLastPair()
    {
        const long Last = HotpVerifier.MaxCounter + HotpVerifier.MaxResynchronizationWindow;
        var code = Hotp.Format(Hotp.ComputeCode(s_secret, Last, TotpAlgorithm.Sha1, 6), 6);
        var next = Hotp.Format(Hotp.ComputeCode(s_secret, Last + 1, TotpAlgorithm.Sha1, 6), 6);

        var result = HotpVerifier.VerifyConsecutive(s_secret, code, next, HotpVerifier.MaxCounter, HotpVerifier.MaxResynchronizationWindow, TotpAlgorithm.Sha1, 6);

        Assert.That(result.Counter, Is.EqualTo(Last + 1));
    }
}
