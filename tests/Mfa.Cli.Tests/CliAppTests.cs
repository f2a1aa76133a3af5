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
}
