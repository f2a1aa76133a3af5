using Mfa.Duo.Emulator;
using Mfa.Duo.Emulator.Scripting;
using Mfa.Duo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Mfa.E2E.Tests;

/// <summary>Duo through the in-process Duo emulator: Universal Prompt (its Approve/Deny page), Auth API push, failmode.</summary>
[TestFixture]
[NonParallelizable]
public sealed class DuoTests : E2ETest
{
    private static DuoEmulator Emulator => SampleServer.Services.GetRequiredService<DuoEmulator>();

    [Test]
    public async Task SignIn_UniversalPromptApproved_SignedIn()
    {
        var username = await EnrollDuoAsync();

        await Page.SignInWithPasswordAsync(username);
        await Page.ChooseMethodAsync("Duo (Universal Prompt)");
        await Page.ClickAsync("#start");
        await Page.ClickAsync("#approve"); // the emulator's Duo page

        await Page.WaitForURLAsync(BaseUrl + "/");
        Assert.That(await Page.SignedInAsAsync(), Is.EqualTo(username));
    }

    [Test]
    public async Task SignIn_UniversalPromptDenied_Refused()
    {
        var username = await EnrollDuoAsync();

        await Page.SignInWithPasswordAsync(username);
        await Page.ChooseMethodAsync("Duo (Universal Prompt)");
        await Page.ClickAsync("#start");
        await Page.ClickAsync("#deny");

        await Assertions.Expect(Page.Locator("#error")).ToContainTextAsync("denied");
        Assert.That(await Page.Locator("#signed-in-as").CountAsync(), Is.Zero);
    }

    [Test]
    public async Task SignIn_AuthApiPush_PollsThenSignedIn()
    {
        var username = await EnrollDuoAsync();

        await Page.SignInWithPasswordAsync(username);
        await Page.ChooseMethodAsync("Duo Push");
        await Page.ClickAsync("#start");

        await Page.WaitForURLAsync(BaseUrl + "/");
        Assert.That(await Page.SignedInAsAsync(), Is.EqualTo(username));
    }

    [Test]
    public async Task SignIn_AuthApiPushDenied_Refused()
    {
        var username = await EnrollDuoAsync();
        Emulator.GetUser(username)!.Outcome = DuoEmulatorOutcome.Deny;

        await Page.SignInWithPasswordAsync(username);
        await Page.ChooseMethodAsync("Duo Push");
        await Page.ClickAsync("#start");

        await Assertions.Expect(Page.Locator("#error")).ToContainTextAsync("denied");
    }

    [Test]
    public async Task SignIn_DuoDownFailmodeClosed_RefusedWithMessage()
    {
        var username = await EnrollDuoAsync();

        await Page.SignInWithPasswordAsync(username);
        await Page.ChooseMethodAsync("Duo (Universal Prompt)");
        Emulator.Outage = DuoEmulatorOutage.ServerError;
        try
        {
            await Page.ClickAsync("#start");
            await Assertions.Expect(Page.Locator("#error")).ToContainTextAsync("Duo is unavailable");
        }
        finally
        {
            Emulator.Outage = DuoEmulatorOutage.None;
        }

        Assert.That(await Page.Locator("#signed-in-as").CountAsync(), Is.Zero);
    }

    [Test]
    public async Task SignIn_DuoDownFailmodeOpen_InWithoutSecondFactorAndNotice()
    {
        var username = await EnrollDuoAsync();
        await Page.SignInWithPasswordAsync(username);
        await Page.ChooseMethodAsync("Duo (Universal Prompt)");

        // The admin's failmode is read from DuoOptions on each decision; the sample's setting is Sample:Duo:Failmode.
        var options = SampleServer.Services.GetRequiredService<IOptions<DuoOptions>>().Value;
        options.Failmode = DuoFailmode.Open;
        Emulator.Outage = DuoEmulatorOutage.ServerError;
        try
        {
            await Page.ClickAsync("#start");
            await Page.WaitForURLAsync(BaseUrl + "/");
        }
        finally
        {
            Emulator.Outage = DuoEmulatorOutage.None;
            options.Failmode = DuoFailmode.Closed;
        }

        Assert.That(await Page.SignedInAsAsync(), Is.EqualTo(username));
        await Assertions.Expect(Page.Locator("#bypass-notice")).ToContainTextAsync("Second factor not performed");
        Assert.That(await Page.TextContentAsync("#amr"), Does.Not.Contain("multi-factor"));

        // No "mfa" in the session: a page that asks for a recent MFA still does (step-up).
        await Page.GotoAsync("/Security/Password");
        await Page.WaitForURLAsync("**/Account/Mfa?**");
    }

    private async Task<string> EnrollDuoAsync()
    {
        var username = NewUsername("duo");
        await Page.SignUpAsync(username);
        await Page.BindDuoAsync();
        await Page.SignOutAsync();
        return username;
    }
}
