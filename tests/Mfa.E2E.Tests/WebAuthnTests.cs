using Microsoft.Playwright;

namespace Mfa.E2E.Tests;

/// <summary>WebAuthn through Chromium's virtual authenticators: a CTAP2 USB security key and an internal platform one.</summary>
[TestFixture]
public sealed class WebAuthnTests : E2ETest
{
    [Test]
    public async Task SignIn_SecurityKeyRegistered_KeyChosenFromListSignsIn()
    {
        var username = NewUsername("key");
        await Page.AddVirtualAuthenticatorAsync(platform: false);
        await Page.SignUpAsync(username);
        await Page.EnrollWebAuthnAsync(platform: false, "My YubiKey");
        await Assertions.Expect(Page.Locator("#authenticators li[data-name='My YubiKey'] .kind")).ToHaveTextAsync("Security key");
        await Page.SignOutAsync();

        await Page.SignInWithPasswordAsync(username);
        await Page.ChooseMethodAsync("My YubiKey");
        await Page.ClickAsync("#use-webauthn");

        await Page.WaitForURLAsync(BaseUrl + "/");
        Assert.That(await Page.SignedInAsAsync(), Is.EqualTo(username));
        Assert.That(await Page.TextContentAsync("#amr"), Does.Contain("security key"));
    }

    [Test]
    public async Task Enroll_SameSecurityKeyTwice_ExcludedWithMessage()
    {
        var username = NewUsername("twice");
        await Page.AddVirtualAuthenticatorAsync(platform: false);
        await Page.SignUpAsync(username);
        await Page.EnrollWebAuthnAsync(platform: false, "Key");

        // The second enrollment needs a recent MFA (the user now has a factor): confirm with the key, then try again.
        await Page.GotoAsync("/Security/WebAuthn");
        await Page.ClickAsync("#add-security-key");
        await Page.WaitForURLAsync("**/Account/Mfa?**");
        await Page.ChooseMethodAsync("Key");
        await Page.ClickAsync("#use-webauthn");
        await Page.WaitForURLAsync("**/Security/WebAuthn");
        await Page.ClickAsync("#add-security-key");

        await Assertions.Expect(Page.Locator("#error")).ToContainTextAsync("already registered");
    }

    [Test]
    public async Task PasskeySignIn_ConditionalMediation_SignsInWithoutUsername()
    {
        var username = NewUsername("button");
        var authenticator = await Page.AddVirtualAuthenticatorAsync(platform: true);
        await Page.SignUpAsync(username);
        await Page.EnrollWebAuthnAsync(platform: true, "Phone");
        await Assertions.Expect(Page.Locator("#authenticators li[data-name='Phone'] .kind")).ToHaveTextAsync("Device authenticator");
        await authenticator.SetPresenceAsync(automatic: false);
        await Page.SignOutAsync();
        await Page.GotoAsync("/Account/SignIn");

        // The sign-in page's autofill request (mediation "conditional") is answered once the authenticator responds.
        await authenticator.SetPresenceAsync(automatic: true);

        await Page.WaitForURLAsync(BaseUrl + "/");
        Assert.That(await Page.SignedInAsAsync(), Is.EqualTo(username));
    }

    [Test]
    public async Task Remove_SecurityKeyAfterStepUp_GoneFromList()
    {
        var username = NewUsername("remove");
        await Page.AddVirtualAuthenticatorAsync(platform: false);
        await Page.SignUpAsync(username);
        await Page.EnrollWebAuthnAsync(platform: false, "Old key");

        await Page.ClickAsync("#authenticators li[data-name='Old key'] button.remove");
        await Page.WaitForURLAsync("**/Account/Mfa?**");
        await Page.ChooseMethodAsync("Old key");
        await Page.ClickAsync("#use-webauthn");
        await Page.WaitForURLAsync("**/Security");
        await Page.ClickAsync("#authenticators li[data-name='Old key'] button.remove");

        await Assertions.Expect(Page.Locator("#notice")).ToContainTextAsync("Removed");
        await Assertions.Expect(Page.Locator("#authenticators li")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task PasskeySignIn_UserLockedOut_Refused()
    {
        var username = NewUsername("locked");
        var authenticator = await Page.AddVirtualAuthenticatorAsync(platform: true);
        await Page.SignUpAsync(username);
        await Page.EnrollWebAuthnAsync(platform: true, "Laptop");
        await Page.EnrollTotpStepUpAsync();
        await authenticator.SetPresenceAsync(automatic: false);
        await Page.SignOutAsync();

        // Five wrong codes lock the user (Core's throttle: 5 failures in 5 minutes).
        await Page.SignInWithPasswordAsync(username);
        await Page.ChooseMethodAsync("Authenticator app");
        for (var i = 0; i < 5; i++)
        {
            await Page.FillAsync("#code", "000000");
            await Page.ClickAsync("#verify");
            await Page.WaitForSelectorAsync("#error");
        }

        await Page.GotoAsync("/Account/SignIn");
        await authenticator.SetPresenceAsync(automatic: true);
        await Page.ClickAsync("#passkey");

        await Assertions.Expect(Page.Locator("#passkey-error")).ToContainTextAsync("Too many failed attempts");
        Assert.That(await Page.Locator("#signed-in-as").CountAsync(), Is.Zero);
    }
}
