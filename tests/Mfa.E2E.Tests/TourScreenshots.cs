using Microsoft.Playwright;

namespace Mfa.E2E.Tests;

/// <summary>
/// Takes the screenshots of docs/tour.md (the factor choice at sign-in, the admin page) into the test output folder
/// (<c>tour/</c>); copy them to docs/images/ when the pages change.
/// </summary>
[TestFixture]
public sealed class TourScreenshots : E2ETest
{
    [Test]
    public async Task Tour_SignInChoiceAndAdminPage_ScreenshotsSaved()
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "tour");
        Directory.CreateDirectory(folder);
        var username = NewUsername("alice");
        await Page.AddVirtualAuthenticatorAsync(platform: false);
        await Page.SignUpAsync(username);
        await Page.EnrollWebAuthnAsync(platform: false, "YubiKey 5 NFC");
        await Page.EnrollTotpStepUpAsync();
        await Page.SignOutAsync();

        await Page.SignInWithPasswordAsync(username);
        await Page.WaitForSelectorAsync("#methods li");
        var choice = Path.Combine(folder, "sign-in-choice.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = choice });

        await Page.OpenAdminPageAsync();
        await Page.GotoAsync("/Admin");
        var admin = Path.Combine(folder, "admin.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = admin, FullPage = true });

        Assert.That(new FileInfo(choice).Length, Is.GreaterThan(1000));
        Assert.That(new FileInfo(admin).Length, Is.GreaterThan(1000));
        TestContext.AddTestAttachment(choice, "Sign-in: choose a method");
        TestContext.AddTestAttachment(admin, "Admin page");
    }
}
