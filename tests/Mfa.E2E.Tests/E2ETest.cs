using System.Text;
using Microsoft.Playwright;
using NUnit.Framework.Interfaces;

namespace Mfa.E2E.Tests;

/// <summary>
/// Base of every browser test: a new browser context and page per test; on failure, a screenshot and the page's console
/// log are saved under the test output folder and attached to the result.
/// </summary>
public abstract class E2ETest
{
    private readonly StringBuilder _console = new();
    private IBrowserContext? _context;

    protected IPage Page { get; private set; } = null!;

    protected static string BaseUrl => SampleServer.BaseUrl;

    [SetUp]
    public async Task OpenPageAsync()
    {
        if (SampleServer.Unavailable is { } why)
        {
            // CI must not pass without the browser tests; a developer machine may lack Chromium.
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(why);
            }

            Assert.Ignore(why + " The end-to-end tests are skipped on this machine.");
        }

        // One fixture instance runs all its tests: each failure log holds only its own test's console.
        _console.Clear();
        _context = await SampleServer.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        _context.SetDefaultTimeout(30_000);
        Page = await _context.NewPageAsync();
        Watch(Page);
    }

    [TearDown]
    public async Task ClosePageAsync()
    {
        if (_context is null)
        {
            return;
        }

        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
        {
            var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "e2e-failures");
            Directory.CreateDirectory(folder);
            var name = string.Concat(TestContext.CurrentContext.Test.Name.Split(Path.GetInvalidFileNameChars()));
            var screenshot = Path.Combine(folder, name + ".png");
            var log = Path.Combine(folder, name + ".console.txt");
            try
            {
                await Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
                TestContext.AddTestAttachment(screenshot, "Screenshot at failure");
            }
            catch (PlaywrightException)
            {
                // The page may be gone; the console log still helps.
            }

            await File.WriteAllTextAsync(log, $"URL: {Page.Url}\n{_console}");
            TestContext.AddTestAttachment(log, "Browser console");
        }

        await _context.CloseAsync();
        _context = null;
    }

    /// <summary>Another tab in the same context (same cookies): the "phone".</summary>
    protected async Task<IPage> NewTabAsync()
    {
        var page = await _context!.NewPageAsync();
        Watch(page);
        return page;
    }

    /// <summary>A fresh, unique username for this test.</summary>
    protected static string NewUsername(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    private void Watch(IPage page)
    {
        page.Console += (_, message) => _console.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"[{message.Type}] {message.Text}");
        page.PageError += (_, error) => _console.AppendLine("[pageerror] " + error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 || response.Request.Method == "POST")
            {
                _console.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"[http {response.Status}] {response.Request.Method} {response.Url}");
            }
        };
    }
}
