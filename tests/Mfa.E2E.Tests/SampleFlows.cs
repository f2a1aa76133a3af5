using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;
using System.Globalization;
using System.Security.Cryptography;
using Mfa.Duo.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mfa.E2E.Tests;

/// <summary>What a person does on the sample, step by step, as page actions.</summary>
internal static class SampleFlows
{
    public static async Task SignUpAsync(this IPage page, string username, string password = SampleServer.Password)
    {
        await page.GotoAsync("/Account/SignUp");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-up");
        await page.WaitForURLAsync("**/Security");
    }

    /// <summary>Username and password; lands on the factor choice when the user has one.</summary>
    public static async Task SignInWithPasswordAsync(this IPage page, string username, string password = SampleServer.Password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
    }

    /// <summary>
    /// Signs in as the configured admin (<c>Sample:AdminUsername</c>) and opens the admin page, which needs a session that
    /// completed MFA. On first use the admin signs up and binds Duo (the emulator); each time a fresh Duo passcode
    /// confirms it (Duo passcodes are single-use).
    /// </summary>
    public static async Task OpenAdminPageAsync(this IPage page)
    {
        await page.GotoAsync("/Account/SignUp");
        await page.FillAsync("#username", SampleServer.AdminUsername);
        await page.FillAsync("#password", SampleServer.Password);
        await page.ClickAsync("#sign-up");
        await Assertions.Expect(page.Locator("#error:not([hidden]), #add-totp").First).ToBeVisibleAsync();
        if (new Uri(page.Url).AbsolutePath != "/Security")
        {
            // Known admin: the password leads to the factor choice.
            await page.SignInWithPasswordAsync(SampleServer.AdminUsername);
            await page.WaitForURLAsync("**/Account/Mfa?**");
            await page.ConfirmWithDuoPasscodeAsync(SampleServer.AdminUsername);
        }
        else
        {
            // New admin (password only): binds Duo, then /Admin asks for it (step-up).
            await page.BindDuoAsync();
            await page.GotoAsync("/Admin");
            await page.WaitForURLAsync("**/Account/Mfa?**");
            await page.ConfirmWithDuoPasscodeAsync(SampleServer.AdminUsername);
        }

        await page.GotoAsync("/Admin");
        await Assertions.Expect(page.Locator("#users")).ToBeVisibleAsync();
    }

    /// <summary>On the MFA page: picks "Duo passcode" and types a fresh one the emulator accepts once.</summary>
    public static async Task ConfirmWithDuoPasscodeAsync(this IPage page, string duoUsername)
    {
        var passcode = RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);
        SampleServer.Services.GetRequiredService<DuoEmulator>().GetUser(duoUsername)!.WithPasscode(passcode);
        await page.ChooseMethodAsync("Duo passcode");
        await page.FillAsync("#code", passcode);
        await page.ClickAsync("#verify");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/Account/Mfa");
    }

    /// <summary>Binds the signed-in user to Duo (the emulator) from the Duo page.</summary>
    public static async Task BindDuoAsync(this IPage page)
    {
        await page.GotoAsync("/Security/Duo");
        await page.ClickAsync("#bind-duo");
        await page.WaitForURLAsync("**/Security");
    }

    public static async Task SignOutAsync(this IPage page)
    {
        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync(BaseUrlPattern("/"));
        await Assertions.Expect(page.Locator("#sign-out")).ToHaveCountAsync(0);
    }

    /// <summary>Picks a method from the list on the MFA page by its visible label.</summary>
    public static async Task ChooseMethodAsync(this IPage page, string label)
    {
        await page.WaitForSelectorAsync("#methods");
        await page.GetByRole(AriaRole.Link, new() { Name = label, Exact = true }).ClickAsync();
    }

    /// <summary>Enrolls TOTP reading the secret from the page and typing the current code; returns the secret.</summary>
    public static async Task<byte[]> EnrollTotpAsync(this IPage page)
    {
        await page.GotoAsync("/Security/Totp");
        await page.ClickAsync("#begin");
        await Assertions.Expect(page.Locator("#totp-secret")).Not.ToBeEmptyAsync();
        var secretText = (await page.TextContentAsync("#totp-secret"))!.Trim();
        Assert.That(Base32.TryDecode(secretText, out var secret, out _), Is.True, "the page shows a Base32 secret");
        await page.FillAsync("#code", TotpAt(secret!, 0));
        await page.ClickAsync("#confirm");
        await page.WaitForURLAsync("**/Security");
        return secret!;
    }

    /// <summary>Enrolls TOTP as a second factor: confirms with the first (a WebAuthn key on the page) before.</summary>
    public static async Task<byte[]> EnrollTotpStepUpAsync(this IPage page)
    {
        await page.GotoAsync("/Security/Totp");
        await page.ClickAsync("#begin");
        await page.WaitForURLAsync("**/Account/Mfa?**");
        await page.Locator("#methods a.choice").First.ClickAsync();
        await page.ClickAsync("#use-webauthn");
        await page.WaitForURLAsync("**/Security/Totp");
        return await page.EnrollTotpAsync();
    }

    /// <summary>The TOTP code <paramref name="steps"/> periods from now (the verifier accepts ±1 step of drift).</summary>
    public static string TotpAt(byte[] secret, int steps) =>
        TotpCode.Generate(secret, TimeProvider.System.GetUtcNow().AddSeconds(30 * steps), TotpParameters.Default);

    public static async Task<string> SignedInAsAsync(this IPage page) => (await page.TextContentAsync("#signed-in-as"))!.Trim();

    /// <summary>Adds one of Chromium's virtual WebAuthn authenticators to the page (DevTools WebAuthn domain).</summary>
    public static async Task<VirtualAuthenticator> AddVirtualAuthenticatorAsync(this IPage page, bool platform)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        var options = platform
            ? new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            }
            : new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "usb",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = false,
                ["automaticPresenceSimulation"] = true,
            };
        var result = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object> { ["options"] = options });
        return new VirtualAuthenticator(cdp, result!.Value.GetProperty("authenticatorId").GetString()!);
    }

    public static async Task EnrollWebAuthnAsync(this IPage page, bool platform, string name)
    {
        await page.GotoAsync("/Security/WebAuthn");
        await page.FillAsync("#name", name);
        await page.ClickAsync(platform ? "#add-device" : "#add-security-key");
        await page.WaitForURLAsync("**/Security");
    }

    private static Func<string, bool> BaseUrlPattern(string path) => url => new Uri(url).AbsolutePath == path;
}
