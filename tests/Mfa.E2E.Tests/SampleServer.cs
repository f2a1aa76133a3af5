using System.Net;
using System.Net.Sockets;
using Mfa.Sample.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Mfa.E2E.Tests;

/// <summary>
/// Starts the sample once for the whole assembly (in-process, on a free loopback port, with a temporary data folder)
/// and one headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser). Each test gets a new context.
/// </summary>
[SetUpFixture]
public sealed class SampleServer
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string AdminUsername = "admin";
    public const string Password = "correct horse battery";

    private static WebApplication? s_app;
    private static IPlaywright? s_playwright;
    private static string? s_data;

    public static string BaseUrl { get; private set; } = string.Empty;

    public static IBrowser Browser { get; private set; } = null!;

    public static IServiceProvider Services => s_app?.Services ?? throw new InvalidOperationException("The sample is not running.");

    /// <summary>Why the suite cannot run here, or <see langword="null"/>.</summary>
    public static string? Unavailable { get; private set; }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium).";
            return;
        }

        var port = FreePort();
        s_data = Directory.CreateTempSubdirectory("mfa-e2e-").FullName;
        s_app = await SampleApp.BuildAsync(
        [
            "--urls", $"http://127.0.0.1:{port}",
            "--contentRoot", FindSampleDirectory(),
            "--environment", "Development",
            "--Sample:DataDirectory=" + s_data,
            "--Sample:AdminUsername=" + AdminUsername,
            // Every sign-in page load starts a passkey autofill request: the suite's loopback client needs more than 10 a minute.
            "--Mfa:AspNetCore:PasskeySignInRateLimit:PermitLimit=100000",
            "--Logging:LogLevel:Default=" + (Environment.GetEnvironmentVariable("MFA_E2E_LOG") ?? "Warning"),
        ]);
        await s_app.StartAsync();
        BaseUrl = $"http://localhost:{port}";

        s_playwright = await Playwright.CreateAsync();
        Browser = await s_playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        s_playwright?.Dispose();
        if (s_app is not null)
        {
            await s_app.StopAsync();
            await s_app.DisposeAsync();
        }

        if (s_data is not null)
        {
            try
            {
                Directory.Delete(s_data, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; it is a temp folder.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The sample's project folder (content root: wwwroot), found from the test's output folder upwards.</summary>
    private static string FindSampleDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "Mfa.Sample.Web");
            if (Directory.Exists(Path.Combine(candidate, "wwwroot")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("samples/Mfa.Sample.Web not found above " + AppContext.BaseDirectory);
    }
}
