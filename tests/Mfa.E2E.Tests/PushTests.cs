using Microsoft.Playwright;

namespace Mfa.E2E.Tests;

/// <summary>Push through the phone page (a Mfa.Push.Device phone run server-side for the page): number matching.</summary>
[TestFixture]
public sealed class PushTests : E2ETest
{
    [Test]
    public async Task SignIn_PhoneApprovesWithTheNumber_SignedIn()
    {
        var (username, phone) = await EnrollPhoneAsync();

        var number = await StartPushSignInAsync(username);
        await AnswerAsync(phone, "approve", number);

        await Page.WaitForURLAsync(BaseUrl + "/");
        Assert.That(await Page.SignedInAsAsync(), Is.EqualTo(username));
        Assert.That(await Page.TextContentAsync("#amr"), Does.Contain("approval on another device").And.Contain("multi-factor"));
    }

    [Test]
    public async Task SignIn_PhoneDenies_Refused()
    {
        var (username, phone) = await EnrollPhoneAsync();

        await StartPushSignInAsync(username);
        await AnswerAsync(phone, "deny", null);

        await Assertions.Expect(Phone(phone)).ToContainTextAsync("Denied");
        await Assertions.Expect(Page.Locator("#error")).ToContainTextAsync("denied");
        Assert.That(await Page.Locator("#signed-in-as").CountAsync(), Is.Zero);
    }

    [Test]
    public async Task SignIn_PhoneReportsFraud_RefusedAndReported()
    {
        var (username, phone) = await EnrollPhoneAsync();

        await StartPushSignInAsync(username);
        await AnswerAsync(phone, "report", null);

        await Assertions.Expect(Phone(phone)).ToContainTextAsync("Reported");
        await Assertions.Expect(Page.Locator("#error")).ToContainTextAsync("not yours");
    }

    [Test]
    public async Task SignIn_WrongNumberTyped_Refused()
    {
        var (username, phone) = await EnrollPhoneAsync();

        var number = await StartPushSignInAsync(username);
        await AnswerAsync(phone, "approve", number == "00" ? "11" : "00");

        await Assertions.Expect(Phone(phone)).ToContainTextAsync("refused");
        await Assertions.Expect(Page.Locator("#error")).ToBeVisibleAsync();
        Assert.That(await Page.Locator("#signed-in-as").CountAsync(), Is.Zero);
    }

    private static ILocator Phone(IPage phone) => phone.Locator("#notice");

    private async Task<(string Username, IPage Phone)> EnrollPhoneAsync()
    {
        var username = NewUsername("push");
        await Page.SignUpAsync(username);
        await Page.GotoAsync("/Security/Push");
        await Page.ClickAsync("#begin");
        await Assertions.Expect(Page.Locator("#push-link")).Not.ToHaveValueAsync(string.Empty);
        var link = await Page.InputValueAsync("#push-link");

        var phone = await NewTabAsync();
        await phone.GotoAsync("/Phone");
        await phone.FillAsync("#link", link);
        await phone.ClickAsync("#enroll-phone");
        await Assertions.Expect(phone.Locator("#notice")).ToContainTextAsync("enrolled");

        await Page.GotoAsync("/Security");
        await Assertions.Expect(Page.Locator("#authenticators li .kind")).ToHaveTextAsync("Phone (push)");
        await Page.SignOutAsync();
        return (username, phone);
    }

    private async Task<string> StartPushSignInAsync(string username)
    {
        await Page.SignInWithPasswordAsync(username);
        await Page.ChooseMethodAsync("Approve on your phone");
        await Page.ClickAsync("#start");
        await Assertions.Expect(Page.Locator("#display-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9]+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));
        return (await Page.TextContentAsync("#display-number"))!.Trim();
    }

    private static async Task AnswerAsync(IPage phone, string action, string? number)
    {
        await phone.ReloadAsync();
        var request = phone.Locator(".request").First;
        if (number is not null)
        {
            await request.Locator(".number-input").FillAsync(number);
        }

        await request.Locator("button." + action).ClickAsync();
    }
}
