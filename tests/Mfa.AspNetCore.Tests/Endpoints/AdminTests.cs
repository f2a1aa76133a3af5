using System.Net;
using System.Text.Json.Nodes;

namespace Mfa.AspNetCore.Tests.Endpoints;

[TestFixture]
public sealed class AdminTests : WebTestBase
{
    private async Task<Browser> AdminAsync()
    {
        var admin = Host.NewBrowser();
        Assert.That((await admin.Client.PostAsync("/login-admin?user=root", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return admin;
    }

    [Test]
    public async Task ListUsers_NotAnAdmin_ForbiddenProblem()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            await AssertProblemAsync(await browser.Client.GetAsync("/mfa/admin/users"), HttpStatusCode.Forbidden, "Forbidden");
        }
    }

    [Test]
    public async Task ListUsers_NoSession_NotAuthenticated()
    {
        using var browser = Host.NewBrowser();

        await AssertProblemAsync(await browser.Client.GetAsync("/mfa/admin/users"), HttpStatusCode.Unauthorized, "NotAuthenticated");
    }

    [Test]
    public async Task ListUsers_Admin_ListsUsersWithFactorsAndPages()
    {
        (await SignedInAsync("alice")).Browser.Dispose();
        (await SignedInAsync("bob")).Browser.Dispose();
        using var admin = await AdminAsync();

        var first = await Browser.JsonAsync(await admin.Client.GetAsync("/mfa/admin/users?limit=1"));
        var second = await Browser.JsonAsync(await admin.Client.GetAsync($"/mfa/admin/users?limit=1&after={first["next"]!.GetValue<string>()}"));

        Assert.That(first["users"]!.AsArray().Single()!["userId"]!.GetValue<string>(), Is.EqualTo("alice"));
        Assert.That(first["users"]![0]!["authenticators"]![0]!["kind"]!.GetValue<string>(), Is.EqualTo("totp"));
        Assert.That(first["users"]![0]!["lastUsedAt"], Is.Not.Null);
        Assert.That(second["users"]!.AsArray().Single()!["userId"]!.GetValue<string>(), Is.EqualTo("bob"));
    }

    [Test]
    public async Task RemoveAuthenticator_LastOfRequiredUser_RefusedUnlessForced()
    {
        (await SignedInAsync("alice")).Browser.Dispose();
        using var admin = await AdminAsync();
        var required = await admin.SendAsync(HttpMethod.Put, "/mfa/admin/users/alice/requirement", new { requirement = "required" });
        Assert.That(required.StatusCode, Is.EqualTo(HttpStatusCode.OK), await required.Content.ReadAsStringAsync());
        var user = await Browser.JsonAsync(await admin.Client.GetAsync("/mfa/admin/users/alice"));
        Assert.That(user["requirement"]!.GetValue<string>(), Is.EqualTo("required"));
        var id = user["authenticators"]![0]!["id"]!.GetValue<string>();

        await AssertProblemAsync(await admin.SendAsync(HttpMethod.Delete, $"/mfa/admin/users/alice/authenticators/{id}"), HttpStatusCode.Conflict, "LastAuthenticator");
        var forced = await admin.SendAsync(HttpMethod.Delete, $"/mfa/admin/users/alice/authenticators/{id}?force=true");

        var json = await Browser.JsonAsync(forced);
        Assert.That(forced.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
        Assert.That(json["userLockedOut"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task LockedOut_AfterFailures_ListedThenUnlocked()
    {
        using var browser = Host.NewBrowser();
        var secret = await EnrollTotpAsync(browser);
        var wrong = CodeFor(secret) == "000000" ? "111111" : "000000";
        for (var i = 0; i < 10; i++)
        {
            var begun = await browser.PostAsync("/mfa/challenges/totp/begin");
            if (begun.StatusCode == HttpStatusCode.TooManyRequests)
            {
                break;
            }

            var challengeId = (await Browser.JsonAsync(begun))["challengeId"]!.GetValue<string>();
            await browser.PostAsync("/mfa/challenges/totp/complete", new { challengeId, code = wrong });
        }

        using var admin = await AdminAsync();
        var locked = await Browser.JsonAsync(await admin.Client.GetAsync("/mfa/admin/users/locked-out"));
        Assert.That(locked["users"]!.AsArray().Select(u => u!["userId"]!.GetValue<string>()), Is.EqualTo(new[] { "alice" }));

        var unlocked = await admin.PostAsync("/mfa/admin/users/alice/unlock");

        Assert.That((await Browser.JsonAsync(unlocked))["isLockedOut"]!.GetValue<bool>(), Is.False);
        var after = await Browser.JsonAsync(await admin.Client.GetAsync("/mfa/admin/users/locked-out"));
        Assert.That(after["users"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task SetRequirement_BadValue_MalformedInput()
    {
        using var admin = await AdminAsync();

        await AssertProblemAsync(await admin.SendAsync(HttpMethod.Put, "/mfa/admin/users/alice/requirement", new { requirement = "sometimes" }), HttpStatusCode.BadRequest, "MalformedInput");
        _ = new JsonObject();
    }
}
