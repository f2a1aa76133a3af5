using Mfa.Sample.Web.SignIn;

namespace Mfa.Sample.Web.Pages;

internal sealed class IndexModel : SamplePageModel
{
    public IReadOnlyList<string> Methods { get; private set; } = [];

    public void OnGet() => Methods = User.FindAll(SampleClaims.Amr).Select(c => Describe(c.Value)).ToList();

    private static string Describe(string amr) => amr switch
    {
        "pwd" => "password",
        "otp" => "one-time code",
        "hwk" => "security key or device authenticator",
        "swk" => "phone approval",
        "user" => "with user verification",
        "kba" => "recovery code",
        "mfa" => "multi-factor",
        _ => amr,
    };
}
