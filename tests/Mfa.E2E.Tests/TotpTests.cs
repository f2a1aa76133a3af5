using Microsoft.Playwright;

namespace Mfa.E2E.Tests;

[TestFixture]
public sealed class TotpTests : E2ETest
{
    [Test]
    public async Task SignIn_TotpEnrolledFromThePage_CodeFromSecretSignsIn()
    {
        var username = NewUsername("totp");
        await Page.SignUpAsync(username);
        var secret = await Page.EnrollTotpAsync();
        await Page.SignOutAsync();

        await Page.SignInWithPasswordAsync(username);
        await Page.ChooseMethodAsync("Authenticator app");
        await Page.FillAsync("#code", SampleFlows.TotpAt(secret, 1));
        await Page.ClickAsync("#verify");

        await Page.WaitForURLAsync(BaseUrl + "/");
        Assert.That(await Page.SignedInAsAsync(), Is.EqualTo(username));
        Assert.That(await Page.TextContentAsync("#amr"), Does.Contain("one-time code").And.Contain("multi-factor"));
    }

    [Test]
    public async Task SignIn_WrongCode_ErrorShownAndStillPending()
    {
        var username = NewUsername("totpbad");
        await Page.SignUpAsync(username);
        await Page.EnrollTotpAsync();
        await Page.SignOutAsync();

        await Page.SignInWithPasswordAsync(username);
        await Page.ChooseMethodAsync("Authenticator app");
        await Page.FillAsync("#code", "000000");
        await Page.ClickAsync("#verify");

        await Assertions.Expect(Page.Locator("#error")).ToContainTextAsync("not right");
        Assert.That(await Page.Locator("#signed-in-as").CountAsync(), Is.Zero);
    }

    [Test]
    public async Task PasswordChange_SessionWithoutRecentMfa_StepUpFirstThenChanged()
    {
        var username = NewUsername("stepup");
        await Page.SignUpAsync(username);
        var secret = await Page.EnrollTotpAsync();

        // Signed in with the password only (before the first factor existed): the change asks for MFA first.
        await Page.GotoAsync("/Security/Password");
        await Page.WaitForURLAsync("**/Account/Mfa?**");
        await Assertions.Expect(Page.Locator("#step-up-notice")).ToBeVisibleAsync();
        await Page.ChooseMethodAsync("Authenticator app");
        await Page.FillAsync("#code", SampleFlows.TotpAt(secret, 1));
        await Page.ClickAsync("#verify");

        await Page.WaitForURLAsync("**/Security/Password");
        await Page.FillAsync("#current", SampleServer.Password);
        await Page.FillAsync("#new-password", "a brand new password");
        await Page.ClickAsync("#change-password");
        await Page.WaitForURLAsync("**/Security");
        await Assertions.Expect(Page.Locator("#notice")).ToContainTextAsync("password was changed");

        await Page.SignOutAsync();
        await Page.SignInWithPasswordAsync(username, "a brand new password");
        await Page.WaitForURLAsync("**/Account/Mfa?**");
    }

    [Test]
    public async Task RecoveryCodes_GeneratedAfterStepUp_OneSignsInOnce()
    {
        var username = NewUsername("recovery");
        await Page.SignUpAsync(username);
        var secret = await Page.EnrollTotpAsync();

        // New codes change the user's factors: a session without a recent MFA confirms first, then comes back.
        await Page.GotoAsync("/Security/RecoveryCodes");
        await Page.ClickAsync("#generate");
        await Page.WaitForURLAsync("**/Account/Mfa?**");
        await Page.ChooseMethodAsync("Authenticator app");
        await Page.FillAsync("#code", SampleFlows.TotpAt(secret, 1));
        await Page.ClickAsync("#verify");
        await Page.WaitForURLAsync("**/Security/RecoveryCodes");
        await Page.ClickAsync("#generate");
        await Assertions.Expect(Page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        var code = (await Page.Locator("#recovery-codes li").First.TextContentAsync())!.Trim();
        await Page.SignOutAsync();

        await Page.SignInWithPasswordAsync(username);
        await Page.ChooseMethodAsync("Use a recovery code");
        await Page.FillAsync("#code", code);
        await Page.ClickAsync("#verify");

        await Page.WaitForURLAsync(BaseUrl + "/");
        Assert.That(await Page.SignedInAsAsync(), Is.EqualTo(username));
        await Page.SignOutAsync();
        await Page.SignInWithPasswordAsync(username);
        await Page.ChooseMethodAsync("Use a recovery code");
        await Page.FillAsync("#code", code);
        await Page.ClickAsync("#verify");
        await Assertions.Expect(Page.Locator("#error")).ToContainTextAsync("not valid or was already used");
    }
}
