using Mfa.Duo.Emulator;
using Mfa.Duo.Emulator.Scripting;
using Microsoft.Extensions.DependencyInjection;
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

    private async Task<string> EnrollDuoAsync()
    {
        var username = NewUsername("duo");
        await Page.SignUpAsync(username);
        await Page.BindDuoAsync();
        await Page.SignOutAsync();
        return username;
    }
}
