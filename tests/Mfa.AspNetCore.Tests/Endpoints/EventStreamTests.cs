using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Mfa.Push.Device;

namespace Mfa.AspNetCore.Tests.Endpoints;

/// <summary>
/// Server-sent events of an out-of-band challenge: the outcome (approve → a claim that signs in, deny, expiry), the cap,
/// and the server loop stopping when the client goes away. Answers land before the stream opens, so no test waits.
/// </summary>
[TestFixture]
public sealed class EventStreamTests
{
    private WebTestHost _host = null!;
    private PushPhones _phones = null!;

    private async Task StartAsync(TimeSpan eventStreamTimeout)
    {
        _host = await WebTestHost.StartAsync(o => o.EventStreamTimeout = eventStreamTimeout);
        _phones = new PushPhones(_host);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _phones?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A phone enrolled for bob, and bob's browser after the password with a push challenge begun.</summary>
    private async Task<(Browser Browser, PushDevice Device, string Inbox, string ChallengeId, string? Number)> BegunAsync()
    {
        var (device, inbox) = await _phones.EnrollAsync("bob");
        var browser = _host.NewBrowser();
        await browser.LoginAsync("bob");
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/challenges/push/begin"));
        return (browser, device, inbox, begun["challengeId"]!.GetValue<string>(), begun["prompt"]!["displayNumber"]?.GetValue<string>());
    }

    private static async Task<(HttpResponseMessage Response, string Body)> ReadStreamAsync(Browser browser, string challengeId)
    {
        var response = await browser.Client.GetAsync($"/mfa/challenges/push/{challengeId}/events", HttpCompletionOption.ResponseHeadersRead);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The data of the stream's one named event.</summary>
    private static (string Name, JsonNode Data) LastEvent(string body)
    {
        var block = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Last(b => b.StartsWith("event: ", StringComparison.Ordinal));
        var lines = block.Split('\n');
        return (lines[0]["event: ".Length..], JsonNode.Parse(lines[1]["data: ".Length..])!);
    }

    /// <summary>The phone approves; the claim token of the stream's <c>succeeded</c> event.</summary>
    private async Task<string> ApprovedClaimTokenAsync(Browser browser, PushDevice device, string inbox, string challengeId, string? number)
    {
        await _phones.AnswerAsync(device, inbox, PushDeviceAction.Approve, number);
        return LastEvent((await ReadStreamAsync(browser, challengeId)).Body).Data["claimToken"]!.GetValue<string>();
    }

    [Test]
    public async Task Events_PhoneApproves_SucceededEventAndClaimSignsIn()
    {
        await StartAsync(TimeSpan.FromMinutes(2));
        var (browser, device, inbox, challengeId, number) = await BegunAsync();
        using (browser)
        {
            await _phones.AnswerAsync(device, inbox, PushDeviceAction.Approve, number);

            var (response, body) = await ReadStreamAsync(browser, challengeId);

            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
            var (name, data) = LastEvent(body);
            Assert.That(name, Is.EqualTo("succeeded"), body);
            Assert.That((await browser.Client.GetAsync("/secret")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the stream itself signs no one in");
            var claimed = await browser.PostAsync("/mfa/challenges/push/claim", new { claimToken = data["claimToken"]!.GetValue<string>() });
            var json = await Browser.JsonAsync(claimed);
            Assert.That(claimed.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
            Assert.That(json["amr"]!.AsArray().Select(a => a!.GetValue<string>()), Does.Contain("mca").And.Contain("mfa"));
            Assert.That((await browser.Client.GetAsync("/secret")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Claim_SecondTime_ChallengeNotFound()
    {
        await StartAsync(TimeSpan.FromMinutes(2));
        var (browser, device, inbox, challengeId, number) = await BegunAsync();
        using (browser)
        {
            var claimToken = await ApprovedClaimTokenAsync(browser, device, inbox, challengeId, number);
            var first = await browser.PostAsync("/mfa/challenges/push/claim", new { claimToken });
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));

            var second = await browser.PostAsync("/mfa/challenges/push/claim", new { claimToken });

            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await Browser.JsonAsync(second))["failureReason"]!.GetValue<string>(), Is.EqualTo("ChallengeNotFound"));
        }
    }

    [Test]
    public async Task Claim_SixteenConcurrentTakes_ExactlyOneSignsIn()
    {
        await StartAsync(TimeSpan.FromMinutes(2));
        var (browser, device, inbox, challengeId, number) = await BegunAsync();
        using (browser)
        {
            var claimToken = await ApprovedClaimTokenAsync(browser, device, inbox, challengeId, number);
            var antiforgery = await Browser.JsonAsync(await browser.Client.GetAsync("/mfa/antiforgery"));
            async Task<HttpResponseMessage> ClaimAsync()
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/mfa/challenges/push/claim") { Content = JsonContent.Create(new { claimToken }) };
                request.Headers.Add(antiforgery["headerName"]!.GetValue<string>(), antiforgery["token"]!.GetValue<string>());
                return await browser.Client.SendAsync(request);
            }

            var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(ClaimAsync)));

            // The rest are 404 (already taken) or, for a request sent after the winner's cookie replaced the pending
            // session, 400 (its antiforgery token was issued to the pending identity): never a second sign-in.
            var statuses = string.Join(", ", claims.Select(c => (int)c.StatusCode));
            Assert.That(claims.Count(c => c.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), statuses);
            Assert.That(claims.All(c => c.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.BadRequest), Is.True, statuses);
        }
    }

    [Test]
    public async Task Claim_AnotherUsersTokenFirst_TakesNothingAndTheOwnerStillSignsIn()
    {
        await StartAsync(TimeSpan.FromMinutes(2));
        var (browser, device, inbox, challengeId, number) = await BegunAsync();
        using var other = _host.NewBrowser();
        using (browser)
        {
            var claimToken = await ApprovedClaimTokenAsync(browser, device, inbox, challengeId, number);
            await other.LoginAsync("mallory");
            Assert.That((await other.PostAsync("/mfa/challenges/push/claim", new { claimToken })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

            var claimed = await browser.PostAsync("/mfa/challenges/push/claim", new { claimToken });

            Assert.That(claimed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Claim_AnotherUsersToken_RefusedAndNoSession()
    {
        await StartAsync(TimeSpan.FromMinutes(2));
        var (browser, device, inbox, challengeId, number) = await BegunAsync();
        using var other = _host.NewBrowser();
        using (browser)
        {
            var claimToken = await ApprovedClaimTokenAsync(browser, device, inbox, challengeId, number);
            await other.LoginAsync("mallory");

            var claimed = await other.PostAsync("/mfa/challenges/push/claim", new { claimToken });

            Assert.That(claimed.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await other.Client.GetAsync("/secret")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task Events_PhoneDenies_FailedEventWithDeniedProblem()
    {
        await StartAsync(TimeSpan.FromMinutes(2));
        var (browser, device, inbox, challengeId, _) = await BegunAsync();
        using (browser)
        {
            await _phones.AnswerAsync(device, inbox, PushDeviceAction.Deny, null);

            var (name, data) = LastEvent((await ReadStreamAsync(browser, challengeId)).Body);

            Assert.That(name, Is.EqualTo("failed"));
            Assert.That(data["failureReason"]!.GetValue<string>(), Is.EqualTo("Denied"));
            Assert.That(data["status"]!.GetValue<int>(), Is.EqualTo(400));
        }
    }

    [Test]
    public async Task Events_ChallengeExpired_FailedEventWithExpired()
    {
        await StartAsync(TimeSpan.FromMinutes(2));
        var (browser, _, _, challengeId, _) = await BegunAsync();
        using (browser)
        {
            _host.Time.Advance(TimeSpan.FromMinutes(4));

            var (name, data) = LastEvent((await ReadStreamAsync(browser, challengeId)).Body);

            Assert.That(name, Is.EqualTo("failed"));
            Assert.That(data["failureReason"]!.GetValue<string>(), Is.AnyOf("Expired", "ChallengeNotFound"));
        }
    }

    [Test]
    public async Task Events_NoAnswerWithinTheCap_TimeoutEventAndChallengeStillPending()
    {
        await StartAsync(TimeSpan.FromSeconds(1));
        var (browser, _, _, challengeId, _) = await BegunAsync();
        using (browser)
        {
            var (name, data) = LastEvent((await ReadStreamAsync(browser, challengeId)).Body);

            Assert.That(name, Is.EqualTo("timeout"));
            Assert.That(data["status"]!.GetValue<string>(), Is.EqualTo("pending"));
            var polled = await browser.PostAsync("/mfa/challenges/push/complete", new { challengeId });
            Assert.That(polled.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "the stream consumed nothing");
        }
    }

    [Test]
    public async Task Events_ClientGoesAway_ServerLoopStops()
    {
        await StartAsync(TimeSpan.FromMinutes(2));
        var (browser, _, _, challengeId, _) = await BegunAsync();
        using (browser)
        {
            var response = await browser.Client.GetAsync($"/mfa/challenges/push/{challengeId}/events", HttpCompletionOption.ResponseHeadersRead);
            var stream = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64];
            Assert.That(await stream.ReadAsync(buffer), Is.GreaterThan(0), "the stream opened");

            response.Dispose();

            var ended = SpinWait.SpinUntil(() => _host.Logs.Entries.Any(e => e.EventId.Id == 1210), TimeSpan.FromSeconds(10));
            Assert.That(ended, Is.True, "the server loop logged its end");
            Assert.That(_host.Logs.Entries.First(e => e.EventId.Id == 1210).Texts(), Has.Some.Contains("aborted"));
        }
    }

    [Test]
    public async Task Events_NoSession_NotAuthenticatedProblem()
    {
        await StartAsync(TimeSpan.FromMinutes(2));
        using var browser = _host.NewBrowser();

        var response = await browser.Client.GetAsync("/mfa/challenges/push/abc/events");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Events_CodeFactor_WrongFactorFlowProblem()
    {
        await StartAsync(TimeSpan.FromMinutes(2));
        using var browser = _host.NewBrowser();
        await browser.LoginAsync("bob");

        var response = await browser.Client.GetAsync("/mfa/challenges/totp/abc/events");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Browser.JsonAsync(response))["failureReason"]!.GetValue<string>(), Is.EqualTo("WrongFactorFlow"));
    }
}
