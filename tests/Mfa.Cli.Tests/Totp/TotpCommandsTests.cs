using Mfa.Totp.Encoding;

namespace Mfa.Cli.Tests.Totp;

[TestFixture]
public sealed class TotpCommandsTests
{
    private const string RfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Test]
    public async Task Secret_Default_Is20BytesOfBase32()
    {
        var run = await CliRun.RunAsync("totp", "secret");
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(Base32.TryDecode(run.Out.Trim(), out var bytes, out _), Is.True);
        Assert.That(bytes, Has.Length.EqualTo(20));
    }

    [Test]
    public async Task Secret_Bytes32_Is32Bytes()
    {
        var run = await CliRun.RunAsync("totp", "secret", "--bytes", "32");
        Assert.That(Base32.TryDecode(run.Out.Trim(), out var bytes, out _), Is.True);
        Assert.That(bytes, Has.Length.EqualTo(32));
    }

    [TestCase("10")]
    [TestCase("x")]
    public async Task Secret_BadBytes_Exit2(string bytes)
    {
        Assert.That((await CliRun.RunAsync("totp", "secret", "--bytes", bytes)).ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Code_Rfc6238Vector_PrintsCodeAlone()
    {
        var run = await CliRun.RunAsync("totp", "code", "--secret", RfcSecret, "--time", "59", "--digits", "8");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero);
            Assert.That(run.Out, Is.EqualTo("94287082" + Environment.NewLine));
        });
    }

    [Test]
    public async Task Code_Sha256Vector_MatchesRfc()
    {
        var run = await CliRun.RunAsync("totp", "code", "--secret", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA", "--time", "1111111109", "--digits", "8", "--algorithm", "SHA256");
        Assert.That(run.Out.Trim(), Is.EqualTo("68084774"));
    }

    [Test]
    public async Task Verify_ValidCode_Exit0WithStepAndDrift()
    {
        var run = await CliRun.RunAsync("totp", "verify", "--secret", RfcSecret, "--code", "287082", "--time", "89");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero);
            Assert.That(run.Json["valid"]!.GetValue<bool>(), Is.True);
            Assert.That(run.Json["timeStep"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(run.Json["drift"]!.GetValue<int>(), Is.EqualTo(-1));
            Assert.That(run.Json["failure"], Is.Null);
        });
    }

    [Test]
    public async Task Verify_WindowZero_OldCodeRejectedExit1()
    {
        var run = await CliRun.RunAsync("totp", "verify", "--secret", RfcSecret, "--code", "287082", "--time", "89", "--window", "0");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Json["valid"]!.GetValue<bool>(), Is.False);
            Assert.That(run.Json["failure"]!.GetValue<string>(), Is.EqualTo("InvalidCode"));
        });
    }

    [TestCase("28708")]
    [TestCase("28708x")]
    public async Task Verify_MalformedCode_Exit1MalformedInput(string code)
    {
        var run = await CliRun.RunAsync("totp", "verify", "--secret", RfcSecret, "--code", code, "--time", "59");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Json["failure"]!.GetValue<string>(), Is.EqualTo("MalformedInput"));
        });
    }

    [TestCase("totp", "verify", "--code", "123456")]
    [TestCase("totp", "verify", "--secret", "!!!", "--code", "123456")]
    [TestCase("totp", "verify", "--secret", RfcSecret, "--code", "123456", "--colour", "red")]
    [TestCase("totp", "verify", "--secret", RfcSecret, "--code", "123456", "--window", "99")]
    [TestCase("totp", "verify", "--secret", RfcSecret, "--code", "123456", "--algorithm", "MD5")]
    [TestCase("totp", "verify", "--secret", RfcSecret, "--code")]
    [TestCase("totp", "code", "--secret", RfcSecret, "--time", "-5")]
    [TestCase("totp", "frobnicate")]
    public async Task Commands_BadUsage_Exit2WithMessage(params string[] args)
    {
        var run = await CliRun.RunAsync(args);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.StartWith("mfa: "));
            Assert.That(run.Out, Is.Empty);
        });
    }

    [Test]
    public async Task Uri_ThenParseUri_RoundTrips()
    {
        var uri = (await CliRun.RunAsync("totp", "uri", "--secret", RfcSecret, "--issuer", "ACME Co", "--account", "alice@example.com", "--digits", "8")).Out.Trim();
        var parsed = await CliRun.RunAsync("totp", "parse-uri", uri);
        Assert.Multiple(() =>
        {
            Assert.That(uri, Does.StartWith("otpauth://totp/ACME%20Co:alice%40example.com?secret=" + RfcSecret));
            Assert.That(parsed.ExitCode, Is.Zero);
            Assert.That(parsed.Json["issuer"]!.GetValue<string>(), Is.EqualTo("ACME Co"));
            Assert.That(parsed.Json["account"]!.GetValue<string>(), Is.EqualTo("alice@example.com"));
            Assert.That(parsed.Json["secret"]!.GetValue<string>(), Is.EqualTo(RfcSecret));
            Assert.That(parsed.Json["digits"]!.GetValue<int>(), Is.EqualTo(8));
            Assert.That(parsed.Json["period"]!.GetValue<int>(), Is.EqualTo(30));
        });
    }

    [Test]
    public async Task ParseUri_Invalid_Exit1WithMessage()
    {
        var run = await CliRun.RunAsync("totp", "parse-uri", "otpauth://totp/alice");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Json["failure"]!.GetValue<string>(), Is.EqualTo("MalformedInput"));
            Assert.That(run.Json["message"]!.GetValue<string>(), Does.Contain("secret"));
        });
    }

    [Test]
    public async Task Qr_Text_PrintsBlocks()
    {
        var run = await CliRun.RunAsync("totp", "qr", "--uri", "otpauth://totp/a?secret=" + RfcSecret);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero);
            Assert.That(run.Out.Split('\n').Length, Is.GreaterThan(10));
        });
    }

    [Test]
    public async Task Qr_Svg_PrintsSvg()
    {
        var run = await CliRun.RunAsync("totp", "qr", "--uri", "otpauth://totp/a?secret=" + RfcSecret, "--format", "svg");
        Assert.That(run.Out, Does.Contain("<svg"));
    }

    [Test]
    public async Task Qr_PngToFile_WritesPng()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mfa-qr-{Guid.NewGuid():N}.png");
        try
        {
            var run = await CliRun.RunAsync("totp", "qr", "--uri", "otpauth://totp/a?secret=" + RfcSecret, "--format", "png", "--out", file);
            Assert.That(run.ExitCode, Is.Zero);
            Assert.That(File.ReadAllBytes(file).Take(4), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Qr_PngWithoutOut_Exit2()
    {
        var run = await CliRun.RunAsync("totp", "qr", "--uri", "otpauth://totp/a?secret=" + RfcSecret, "--format", "png");
        Assert.That(run.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Qr_NotAnOtpauthUri_Exit2()
    {
        var run = await CliRun.RunAsync("totp", "qr", "--uri", "https://example.com");
        Assert.That(run.ExitCode, Is.EqualTo(2));
    }
}
