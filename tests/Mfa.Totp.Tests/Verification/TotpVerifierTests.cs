using Mfa.Core;
using Mfa.Totp.Codes;
using Mfa.Totp.Verification;

namespace Mfa.Totp.Tests.Verification;

[TestFixture]
public sealed class TotpVerifierTests
{
    private static readonly byte[] s_key = "12345678901234567890"u8.ToArray();
    private static readonly DateTimeOffset s_now = DateTimeOffset.FromUnixTimeSeconds(1_111_111_111);
    private static readonly TotpParameters s_parameters = TotpParameters.Default;

    private static string CodeAt(DateTimeOffset time) => TotpCode.Generate(s_key, time, s_parameters);

    [Test]
    public void Verify_CurrentCode_MatchesWithZeroDrift()
    {
        var result = TotpVerifier.Verify(s_key, CodeAt(s_now), s_now, s_parameters, 1);
        Assert.That(result, Is.EqualTo(new TotpVerification(MfaFailureReason.None, s_parameters.TimeStepAt(s_now.ToUnixTimeSeconds()), 0)));
    }

    [TestCase(-1)]
    [TestCase(1)]
    public void Verify_CodeOneStepAway_MatchesWithDrift(int drift)
    {
        var result = TotpVerifier.Verify(s_key, CodeAt(s_now.AddSeconds(30 * drift)), s_now, s_parameters, 1);
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True);
            Assert.That(result.Drift, Is.EqualTo(drift));
        });
    }

    [TestCase(-2)]
    [TestCase(2)]
    public void Verify_CodeTwoStepsAway_WindowOne_IsInvalid(int drift)
    {
        var result = TotpVerifier.Verify(s_key, CodeAt(s_now.AddSeconds(30 * drift)), s_now, s_parameters, 1);
        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.InvalidCode));
    }

    [Test]
    public void Verify_CodeTwoStepsAway_WindowTwo_Matches()
    {
        var result = TotpVerifier.Verify(s_key, CodeAt(s_now.AddSeconds(-60)), s_now, s_parameters, 2);
        Assert.That(result.Drift, Is.EqualTo(-2));
    }

    [Test]
    public void Verify_WindowZero_OnlyCurrentStep()
    {
        var result = TotpVerifier.Verify(s_key, CodeAt(s_now.AddSeconds(-30)), s_now, s_parameters, 0);
        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.InvalidCode));
    }

    [Test]
    public void Verify_WrongCode_IsInvalid()
    {
        var code = CodeAt(s_now);
        var wrong = code[..^1] + (char)('0' + ((code[^1] - '0' + 1) % 10));
        Assert.That(TotpVerifier.Verify(s_key, wrong, s_now, s_parameters, 1).Failure, Is.EqualTo(MfaFailureReason.InvalidCode));
    }

    [Test]
    public void Verify_OtherKey_IsInvalid()
    {
        var other = "09876543210987654321"u8.ToArray();
        Assert.That(TotpVerifier.Verify(other, CodeAt(s_now), s_now, s_parameters, 1).Failure, Is.EqualTo(MfaFailureReason.InvalidCode));
    }

    [Test]
    public void Verify_CodeWithSpaces_Matches()
    {
        var code = CodeAt(s_now);
        Assert.That(TotpVerifier.Verify(s_key, code[..3] + " " + code[3..], s_now, s_parameters, 1).Succeeded, Is.True);
    }

    [TestCase("")]
    [TestCase("12345")]
    [TestCase("1234567")]
    [TestCase("12345a")]
    [TestCase("12-456")]
    [TestCase("１２３４５６", Description = "full-width digits")]
    [TestCase("٠١٢٣٤٥", Description = "Arabic-Indic digits")]
    [TestCase("123456\0")]
    public void Verify_MalformedCode_IsMalformedInput(string code)
    {
        Assert.That(TotpVerifier.Verify(s_key, code, s_now, s_parameters, 1).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void Verify_HugeInput_IsMalformedInput()
    {
        Assert.That(TotpVerifier.Verify(s_key, new string('1', 1_000_000), s_now, s_parameters, 1).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void Verify_EightDigitParameters_RejectsSixDigitCode()
    {
        var eight = new TotpParameters(TotpAlgorithm.Sha1, 8);
        var code = TotpCode.Generate(s_key, s_now, eight);
        Assert.Multiple(() =>
        {
            Assert.That(TotpVerifier.Verify(s_key, code, s_now, eight, 1).Succeeded, Is.True);
            Assert.That(TotpVerifier.Verify(s_key, code.AsSpan(2), s_now, eight, 1).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
        });
    }

    [Test]
    public void Verify_AtStepZero_DoesNotCheckNegativeSteps()
    {
        var atZero = DateTimeOffset.FromUnixTimeSeconds(5);
        var result = TotpVerifier.Verify(s_key, CodeAt(atZero), atZero, s_parameters, 1);
        Assert.That(result, Is.EqualTo(new TotpVerification(MfaFailureReason.None, 0, 0)));
    }

    [TestCase(-1)]
    [TestCase(11)]
    public void Verify_WindowOutOfRange_Throws(int window)
    {
        Assert.That(() => TotpVerifier.Verify(s_key, "123456", s_now, s_parameters, window), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
