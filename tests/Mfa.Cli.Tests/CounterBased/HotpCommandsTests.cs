using Mfa.Totp.Encoding;

namespace Mfa.Cli.Tests.CounterBased;

[TestFixture]
public sealed class HotpCommandsTests
{
    /// <summary>RFC 4226 Appendix D's secret "12345678901234567890" in Base32.</summary>
    private const string RfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Test]
    public async Task Secret_Default_Is20BytesOfBase32()
    {
        var run = await CliRun.RunAsync("hotp", "secret");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(Base32.TryDecode(run.Out.Trim(), out var bytes, out _), Is.True);
        Assert.That(bytes, Has.Length.EqualTo(20));
    }

    [TestCase(0, "755224", Description = "RFC 4226 Appendix D")]
    [TestCase(1, "287082", Description = "RFC 4226 Appendix D")]
    [TestCase(9, "520489", Description = "RFC 4226 Appendix D")]
    public async Task Code_Rfc4226Vector_PrintsCodeAlone(int counter, string expected)
    {
        var run = await CliRun.RunAsync("hotp", "code", "--secret", RfcSecret, "--counter", counter.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Is.EqualTo(expected + Environment.NewLine));
    }

    [TestCase("-1")]
    [TestCase("x")]
    public async Task Code_BadCounter_Exit2(string counter)
    {
        Assert.That((await CliRun.RunAsync("hotp", "code", "--secret", RfcSecret, "--counter", counter)).ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Code_NoCounter_Exit2()
    {
        Assert.That((await CliRun.RunAsync("hotp", "code", "--secret", RfcSecret)).ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Verify_CodeInTheLookAhead_Exit0WithCounterAndNext()
    {
        var run = await CliRun.RunAsync("hotp", "verify", "--secret", RfcSecret, "--code", "969429", "--counter", "1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.Zero);
            Assert.That(run.Json["valid"]!.GetValue<bool>(), Is.True);
            Assert.That(run.Json["counter"]!.GetValue<long>(), Is.EqualTo(3));
            Assert.That(run.Json["skipped"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(run.Json["nextCounter"]!.GetValue<long>(), Is.EqualTo(4));
        }
    }

    [Test]
    public async Task Verify_CodePastTheLookAhead_Exit1InvalidCode()
    {
        var run = await CliRun.RunAsync("hotp", "verify", "--secret", RfcSecret, "--code", "520489", "--counter", "0", "--look-ahead", "5");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Json["failure"]!.GetValue<string>(), Is.EqualTo("InvalidCode"));
    }

    [Test]
    public async Task Verify_TwoConsecutiveCodes_ResynchronizesToTheSecond()
    {
        var run = await CliRun.RunAsync("hotp", "verify", "--secret", RfcSecret, "--code", "162583", "--next-code", "399871", "--counter", "0", "--window", "10");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Json["counter"]!.GetValue<long>(), Is.EqualTo(8));
    }

    [Test]
    public async Task Verify_LookAheadTooLarge_Exit2()
    {
        Assert.That((await CliRun.RunAsync("hotp", "verify", "--secret", RfcSecret, "--code", "755224", "--counter", "0", "--look-ahead", "101")).ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Uri_ThenParseUri_RoundTripsTheCounter()
    {
        var uri = (await CliRun.RunAsync("hotp", "uri", "--secret", RfcSecret, "--issuer", "ACME Co", "--account", "alice@example.com", "--counter", "42")).Out.Trim();
        var parsed = await CliRun.RunAsync("hotp", "parse-uri", uri);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(uri, Does.StartWith("otpauth://hotp/ACME%20Co:alice%40example.com?secret=" + RfcSecret));
            Assert.That(uri, Does.Contain("&counter=42").And.Not.Contain("period="));
            Assert.That(parsed.ExitCode, Is.Zero);
            Assert.That(parsed.Json["type"]!.GetValue<string>(), Is.EqualTo("hotp"));
            Assert.That(parsed.Json["counter"]!.GetValue<long>(), Is.EqualTo(42));
            Assert.That(parsed.Json["period"], Is.Null);
        }
    }

    [Test]
    public async Task ParseUri_TotpUri_Exit1MalformedInput()
    {
        var run = await CliRun.RunAsync("hotp", "parse-uri", "otpauth://totp/ACME:alice?secret=" + RfcSecret);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Json["failure"]!.GetValue<string>(), Is.EqualTo("MalformedInput"));
    }

    [Test]
    public async Task ParseUri_HotpWithoutCounter_Exit1WithMessage()
    {
        var run = await CliRun.RunAsync("hotp", "parse-uri", "otpauth://hotp/ACME:alice?secret=" + RfcSecret);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Json["message"]!.GetValue<string>(), Does.Contain("counter"));
    }

    [Test]
    public async Task Unknown_HotpCommand_Exit2()
    {
        Assert.That((await CliRun.RunAsync("hotp", "qr")).ExitCode, Is.EqualTo(2));
    }
}
