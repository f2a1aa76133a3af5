using Mfa.Cli.Cli;
using Mfa.Cli.Duo;
using Mfa.Duo.Emulator;

namespace Mfa.Cli.Tests.Duo;

[TestFixture]
public sealed class DuoCommandsTests
{
    [Test]
    public async Task Sign_DocumentedAccountListExampleV2Sha512_MatchesDuosSignature()
    {
        var run = await CliRun.RunAsync(
            "duo", "sign", "--ikey", "DIWJ8X6AEYOR5OMC6TQ1", "--skey", "Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep", "--host", "api-XXXXXXXX.duosecurity.com",
            "--method", "POST", "--path", "/accounts/v1/account/list", "--date", "Tue, 21 Aug 2012 17:29:18 -0000",
            "--param", "realname=First Last", "--param", "username=root", "--canon", "2", "--hash", "sha512", "--date-header", "date");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.Multiple(() =>
        {
            Assert.That(run.Json["canonical"]!.GetValue<string>(), Is.EqualTo("Tue, 21 Aug 2012 17:29:18 -0000\nPOST\napi-xxxxxxxx.duosecurity.com\n/accounts/v1/account/list\nrealname=First%20Last&username=root"));
            Assert.That(run.Json["authorization"]!.GetValue<string>(), Is.EqualTo("Basic RElXSjhYNkFFWU9SNU9NQzZUUTE6MWJmZmI4OTI0MzQ4ZjdkYjdkYTllN2Q3ZDc0OWRlZDkzYWFmZDAyZDhlOTA0OTYwZGE3Yjk2YzU3NTEwMjIwMTg1YTY0YTI4MjdlZThmMjRhYzVkMzA4MDJhOWVlOTdlNTlkZTQ0YjMwNGIxODI0MmYwZDU5NmQxNWE4MTIyYWY="));
            Assert.That(run.Json["headers"]!["Date"]!.GetValue<string>(), Is.EqualTo("Tue, 21 Aug 2012 17:29:18 -0000"));
            Assert.That(run.Json["headers"]!["Content-Type"]!.GetValue<string>(), Is.EqualTo("application/x-www-form-urlencoded"));
            Assert.That(run.Json["body"]!.GetValue<string>(), Is.EqualTo("realname=First%20Last&username=root"));
        });
    }

    [Test]
    public async Task Sign_Defaults_AreV5Sha512WithXDuoDate()
    {
        // duo_hmac_python's test_get_one_param_no_headers: v5, SHA-512, the date in X-Duo-Date (so inside the signed header block).
        var run = await CliRun.RunAsync(
            "duo", "sign", "--ikey", "DIABCDEFGHIJKLMNOPQR", "--skey", "testtesttesttesttesttesttesttesttesttest", "--host", "api-xxxxxxxx.duosecurity.com",
            "--method", "GET", "--path", "/api/path", "--date", "Fri, 24 May 2024 12:00:00 -0000", "--param", "foo=bar");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.Multiple(() =>
        {
            Assert.That(run.Json["authorization"]!.GetValue<string>(), Is.EqualTo("Basic RElBQkNERUZHSElKS0xNTk9QUVI6ODhmZTgwZjNiMjQyYjk5MmY0YjMwMTQwOGQ1MjRhODg2Mjc0ZDNlZDBjNGM3YmQxODRlMWI0ZmYzNzhlNjhlYTA1ZDk0MzNjMDk5MzgwNzhjNDk1MTdhNmM0MjY0Yzk1MGJlOWZmNWNjMjhhZDJkNDQ4Y2VhMjRiYzkzODg3Y2E="));
            Assert.That(run.Json["headers"]!["X-Duo-Date"]!.GetValue<string>(), Is.EqualTo("Fri, 24 May 2024 12:00:00 -0000"));
            Assert.That(run.Json["headers"]!["Date"], Is.Null);
        });
    }

    [Test]
    public async Task Sign_V2Sha1AuthPush_MatchesDerivedVector()
    {
        var run = await CliRun.RunAsync(
            "duo", "sign", "--ikey", "DIWJ8X6AEYOR5OMC6TQ1", "--skey", "Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep", "--host", "api-XXXXXXXX.duosecurity.com",
            "--method", "POST", "--path", "/auth/v2/auth", "--date", "Tue, 21 Aug 2012 17:29:18 -0000", "--canon", "2", "--hash", "sha1",
            "--param", "username=alice@example.com", "--param", "factor=push", "--param", "device=auto", "--param", "async=1", "--param", "ipaddr=203.0.113.7",
            "--param", "type=Login request", "--param", "display_username=Alice Example", "--param", "pushinfo=from=login%20portal&domain=example.com");
        Assert.That(run.Json["authorization"]!.GetValue<string>(), Is.EqualTo("Basic RElXSjhYNkFFWU9SNU9NQzZUUTE6MzFhNjE0Y2ZhNTkyNzI3MzgwOTc0MmYwYmNmYWVlYjlhM2E0YTlmMQ=="));
    }

    [TestCase("--canon", "5", "--hash", "sha1")]
    [TestCase("--canon", "3", "--hash", "sha512")]
    [TestCase("--canon", "2", "--body", "{}")]
    [TestCase("--param", "novalue", "--hash", "sha512")]
    [TestCase("--bogus", "x", "--hash", "sha512")]
    public async Task Sign_BadOptions_Exit2(string option1, string value1, string option2, string value2)
    {
        var run = await CliRun.RunAsync(
            "duo", "sign", "--ikey", "I", "--skey", "S", "--host", "h", "--method", "GET", "--path", "/", "--date", "d", option1, value1, option2, value2);
        Assert.That(run.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Sign_MissingSecretKey_Exit2() =>
        Assert.That((await CliRun.RunAsync("duo", "sign", "--ikey", "I", "--host", "h", "--method", "GET", "--path", "/", "--date", "d")).ExitCode, Is.EqualTo(2));

    [Test]
    public async Task Health_Emulator_HealthyExit0()
    {
        await using var emulator = await DuoEmulator.StartAsync();
        var run = await CliRun.RunAsync(
            "duo", "health", "--client-id", emulator.Options.ClientId, "--client-secret", emulator.Options.ClientSecret, "--api-host", emulator.ApiHost, "--insecure-loopback-http");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Json["status"]!.GetValue<string>(), Is.EqualTo("Healthy"));
        });
    }

    [Test]
    public async Task Health_WrongSecret_RejectedExit1()
    {
        await using var emulator = await DuoEmulator.StartAsync();
        var run = await CliRun.RunAsync(
            "duo", "health", "--client-id", emulator.Options.ClientId, "--client-secret", new string('x', 40), "--api-host", emulator.ApiHost, "--insecure-loopback-http");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Json["status"]!.GetValue<string>(), Is.EqualTo("Rejected"));
            Assert.That(run.Out, Does.Not.Contain(new string('x', 40)));
        });
    }

    [Test]
    public async Task Health_EmulatorStopped_UnreachableExit1()
    {
        var emulator = await DuoEmulator.StartAsync();
        var host = emulator.ApiHost;
        await emulator.DisposeAsync();
        var run = await CliRun.RunAsync(
            "duo", "health", "--client-id", "DIEMULATORCLIENT0001", "--client-secret", new string('x', 40), "--api-host", host, "--insecure-loopback-http");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Json["status"]!.GetValue<string>(), Is.EqualTo("Unreachable"));
        });
    }

    [Test]
    public async Task Health_ShortClientId_Exit2()
    {
        var run = await CliRun.RunAsync("duo", "health", "--client-id", "DI123", "--client-secret", new string('x', 40), "--api-host", "api-x.duosecurity.com");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain("ClientId"));
        });
    }

    [Test]
    public async Task Emulator_Started_ServesPingUntilCancelled()
    {
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter();
        var started = new TaskCompletionSource<DuoEmulator>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = DuoCommands.RunEmulatorAsync(CliArguments.Parse(["--port", "0"]), output, stop.Token, started.SetResult);
        var emulator = await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var client = new HttpClient();
        var ping = await client.GetStringAsync(new Uri(emulator.BaseAddress, "auth/v2/ping"));
        await stop.CancelAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(ping, Does.Contain("\"stat\":\"OK\""));
            Assert.That(output.ToString(), Does.Contain(emulator.ApiHost));
            Assert.That(await run.WaitAsync(TimeSpan.FromSeconds(30)), Is.Zero);
        });
    }
}
