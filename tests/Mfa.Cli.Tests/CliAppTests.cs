namespace Mfa.Cli.Tests;

[TestFixture]
public sealed class CliAppTests
{
    [Test]
    public async Task RunAsync_NoArguments_UsageOnStderrExit2()
    {
        var run = await CliRun.RunAsync();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain("usage: mfa"));
        });
    }

    [Test]
    public async Task RunAsync_Help_UsageOnStdoutExit0()
    {
        var run = await CliRun.RunAsync("--help");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero);
            Assert.That(run.Out, Does.Contain("mfa totp verify"));
        });
    }

    [Test]
    public async Task RunAsync_UnknownGroup_Exit2()
    {
        var run = await CliRun.RunAsync("nope", "thing");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain("Unknown command group"));
        });
    }

    [Test]
    public async Task RunAsync_Keygen_Prints32RandomBytesAsBase64()
    {
        var first = await CliRun.RunAsync("keygen");
        var second = await CliRun.RunAsync("keygen");

        using var json = System.Text.Json.JsonDocument.Parse(first.Out);
        var key = Convert.FromBase64String(json.RootElement.GetProperty("secretKey").GetString()!);
        Assert.That(first.ExitCode, Is.Zero);
        Assert.That(key, Has.Length.EqualTo(32));
        Assert.That(json.RootElement.GetProperty("configurationKey").GetString(), Is.EqualTo("Mfa:SecretKey"));
        Assert.That(second.Out, Is.Not.EqualTo(first.Out));
    }
}
