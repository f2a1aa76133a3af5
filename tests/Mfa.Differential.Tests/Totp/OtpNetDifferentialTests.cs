using Mfa.Core;
using Mfa.Totp.Codes;
using Mfa.Totp.Verification;
using OtpNet;

namespace Mfa.Differential.Tests.Totp;

/// <summary>
/// Mfa.Totp against Otp.NET 1.4.1 (the design card's TOTP library, used here as an oracle only): random secrets,
/// algorithms, digits, periods, T0, times and windows; codes, verification and the matched step must agree.
/// </summary>
[TestFixture]
public sealed class OtpNetDifferentialTests
{
    private const int Cases = 3000;

    private static readonly TotpAlgorithm[] s_algorithms = [TotpAlgorithm.Sha1, TotpAlgorithm.Sha256, TotpAlgorithm.Sha512];

    private static OtpHashMode ModeOf(TotpAlgorithm algorithm) => algorithm switch
    {
        TotpAlgorithm.Sha256 => OtpHashMode.Sha256,
        TotpAlgorithm.Sha512 => OtpHashMode.Sha512,
        _ => OtpHashMode.Sha1,
    };

    private static (byte[] Key, TotpParameters Parameters, long Time, int Window) RandomCase(Random random)
    {
        var key = new byte[random.Next(1, 65)];
        random.NextBytes(key);
        var period = random.Next(4) switch { 0 => 30, 1 => 60, 2 => 15, _ => random.Next(1, 3601) };
        var t0 = random.Next(3) == 0 ? random.NextInt64(0, 1_000_000_000) : 0;

        // Times from T0 up to the year 9000 (Otp.NET works in DateTime), a third of them in the first few steps.
        var time = t0 + (random.Next(3) == 0 ? random.NextInt64(0, period * 4L) : random.NextInt64(0, 221_845_392_000L - t0));
        var parameters = new TotpParameters(s_algorithms[random.Next(3)], random.Next(6, 9), period, t0);
        return (key, parameters, time, random.Next(0, 4));
    }

    /// <summary>Otp.NET has no T0: its time is the SDK's time minus T0 (RFC 6238 §4.2: T = (Current Unix time − T0) / X).</summary>
    private static OtpNet.Totp OtpNetTotp(byte[] key, TotpParameters parameters) =>
        new(key, parameters.PeriodSeconds, ModeOf(parameters.Algorithm), parameters.Digits);

    private static DateTime OtpNetTime(long unixSeconds, TotpParameters parameters) =>
        DateTime.UnixEpoch.AddSeconds(unixSeconds - parameters.T0);

    [Test]
    public void Generate_RandomParameters_MatchesOtpNet()
    {
        var random = new Random(6238);
        for (var i = 0; i < Cases; i++)
        {
            var (key, parameters, time, _) = RandomCase(random);
            var ours = TotpCode.Generate(key, DateTimeOffset.FromUnixTimeSeconds(time), parameters);
            var theirs = OtpNetTotp(key, parameters).ComputeTotp(OtpNetTime(time, parameters));

            Assert.That(ours, Is.EqualTo(theirs), $"case {i}: {parameters.Algorithm} {parameters.Digits} digits, period {parameters.PeriodSeconds}, T0 {parameters.T0}, t {time}");
        }
    }

    [Test]
    public void Hotp_RandomCounters_MatchesOtpNet()
    {
        var random = new Random(4226);
        for (var i = 0; i < Cases; i++)
        {
            var key = new byte[random.Next(1, 65)];
            random.NextBytes(key);
            var algorithm = s_algorithms[random.Next(3)];
            var digits = random.Next(6, 9);
            var counter = random.Next(3) switch { 0 => random.NextInt64(0, 100), 1 => long.MaxValue - random.NextInt64(0, 100), _ => random.NextInt64() };
            var ours = Mfa.Totp.Codes.Hotp.Format(Mfa.Totp.Codes.Hotp.ComputeCode(key, counter, algorithm, digits), digits);
            var theirs = new OtpNet.Hotp(key, ModeOf(algorithm), digits).ComputeHOTP(counter);

            Assert.That(ours, Is.EqualTo(theirs), $"case {i}: {algorithm} {digits} digits, counter {counter}");
        }
    }

    [Test]
    public void Verify_CodesAroundTheWindow_AgreesWithOtpNet()
    {
        var random = new Random(5202);
        var accepted = 0;
        var refused = 0;
        for (var i = 0; i < Cases; i++)
        {
            var (key, parameters, time, window) = RandomCase(random);
            var otp = OtpNetTotp(key, parameters);
            var current = parameters.TimeStepAt(time);

            // A code from a step up to two beyond the window each side, or a random code.
            var offset = random.Next(-window - 2, window + 3);
            if (current + offset < 0)
            {
                continue; // no code exists before T0 (the SDK never checks a negative step)
            }

            var code = random.Next(8) == 0
                ? random.NextInt64(0, (long)Math.Pow(10, parameters.Digits)).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(parameters.Digits, '0')
                : otp.ComputeTotp(OtpNetTime(time + (offset * (long)parameters.PeriodSeconds), parameters));

            var ours = TotpVerifier.Verify(key, code, DateTimeOffset.FromUnixTimeSeconds(time), parameters, window);
            var theirs = otp.VerifyTotp(OtpNetTime(time, parameters), code, out var theirStep, new VerificationWindow(window, window));
            var context = $"case {i}: window {window}, offset {offset}, step {current}, {parameters.Algorithm}/{parameters.Digits}/{parameters.PeriodSeconds}/T0 {parameters.T0}";

            Assert.That(ours.Succeeded, Is.EqualTo(theirs), context);
            if (theirs && ours.TimeStep != theirStep)
            {
                // Expected difference: a code that matches several steps of the window (a 10^-digits coincidence).
                // The SDK reports the latest matching step (it checks every step, no early exit), Otp.NET the earliest.
                Assert.That(otp.ComputeTotp(OtpNetTime(parameters.T0 + (ours.TimeStep * parameters.PeriodSeconds), parameters)), Is.EqualTo(code), context);
                Assert.That(ours.TimeStep, Is.GreaterThan(theirStep), context);
            }

            accepted += ours.Succeeded ? 1 : 0;
            refused += ours.Succeeded ? 0 : 1;
        }

        Assert.That(accepted, Is.GreaterThan(Cases / 4));
        Assert.That(refused, Is.GreaterThan(Cases / 10));
    }

    [Test]
    public void Verify_CodeWithSpaces_SdkAcceptsOtpNetRefuses()
    {
        // Documented difference: the SDK ignores spaces ("123 456", as authenticator apps display codes); Otp.NET
        // compares the string as given.
        var key = new byte[20];
        var parameters = TotpParameters.Default;
        var now = DateTimeOffset.FromUnixTimeSeconds(59);
        var code = TotpCode.Generate(key, now, parameters);
        var spaced = code[..3] + " " + code[3..];

        Assert.That(TotpVerifier.Verify(key, spaced, now, parameters, 1).Succeeded, Is.True);
        Assert.That(OtpNetTotp(key, parameters).VerifyTotp(now.UtcDateTime, spaced, out _, new VerificationWindow(1, 1)), Is.False);
    }

    [Test]
    public void Verify_WrongLengthCode_BothRefuse()
    {
        var key = new byte[20];
        var parameters = TotpParameters.Default;
        var now = DateTimeOffset.FromUnixTimeSeconds(59);
        var code = TotpCode.Generate(key, now, parameters);

        Assert.That(TotpVerifier.Verify(key, "0" + code, now, parameters, 1).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
        Assert.That(OtpNetTotp(key, parameters).VerifyTotp(now.UtcDateTime, "0" + code, out _, new VerificationWindow(1, 1)), Is.False);
    }
}
