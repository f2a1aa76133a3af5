using Microsoft.Playwright;

namespace Mfa.E2E.Tests;

/// <summary>The admin page: users with requirement, factors and lockout; the lock-out warning on delete.</summary>
[TestFixture]
public sealed class AdminTests : E2ETest
{
    [Test]
    public async Task Delete_LastFactorOfRequiredUser_WarnsAndRefusesUntilForced()
    {
        var username = NewUsername("victim");
        await Page.SignUpAsync(username);
        await Page.EnrollTotpAsync();
        await Page.SignOutAsync();

        await Page.OpenAdminPageAsync();
        await Page.GotoAsync("/Admin");
        var row = Page.Locator($"#users tr[data-user='{username}']");
        await row.Locator("select.requirement").SelectOptionAsync("required");
        await Assertions.Expect(Page.Locator("#notice")).ToContainTextAsync("Requirement updated");

        await row.Locator("button.delete").ClickAsync();

        await Assertions.Expect(Page.Locator("#lockout-warning")).ToContainTextAsync("would lock " + username + " out");
        await Assertions.Expect(row.Locator("li[data-name='Authenticator app']")).ToHaveCountAsync(1);

        await Page.ClickAsync("#force-delete");
        await Assertions.Expect(Page.Locator("#notice")).ToContainTextAsync("locked out");
        await Assertions.Expect(Page.Locator($"#users tr[data-user='{username}'] li")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Admin_NotAnAdmin_Refused()
    {
        await Page.SignUpAsync(NewUsername("plain"));

        await Page.GotoAsync("/Admin");

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Not allowed");
    }
}
