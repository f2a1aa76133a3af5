using System.Text.Json;
using Microsoft.Playwright;

namespace Mfa.E2E.Tests;

/// <summary>Mfa.AspNetCore's browser client runs its own tests (<c>_content/Mfa.AspNetCore/mfa.test.html</c>) in Chromium.</summary>
[TestFixture]
public sealed class MfaJsSelfTests : E2ETest
{
    [Test]
    public async Task SelfTestPage_InChromium_AllPass()
    {
        await Page.GotoAsync("/_content/Mfa.AspNetCore/mfa.test.html");

        // The page sets body[data-result] (and window.mfaTestResult = { passed, failed, failures } where it reports it).
        await Page.WaitForSelectorAsync("body[data-result]", new() { State = WaitForSelectorState.Attached });
        var summary = (await Page.TextContentAsync("#result"))!.Trim();
        var reported = await Page.EvaluateAsync<JsonElement?>("() => window.mfaTestResult ?? null");
        int passed;
        int failed;
        if (reported is { ValueKind: JsonValueKind.Object } result)
        {
            passed = result.GetProperty("passed").GetInt32();
            failed = result.GetProperty("failed").GetInt32();
        }
        else
        {
            failed = summary.Split('\n').Count(line => line.StartsWith("FAIL", StringComparison.Ordinal));
            passed = failed == 0 && summary.StartsWith("PASS ", StringComparison.Ordinal) ? int.Parse(summary[5..], System.Globalization.CultureInfo.InvariantCulture) : 0;
        }

        Assert.That(failed, Is.Zero, summary);
        Assert.That(passed, Is.GreaterThan(0), summary);
        Assert.That(await Page.GetAttributeAsync("body", "data-result"), Is.EqualTo("pass"), summary);
    }
}
