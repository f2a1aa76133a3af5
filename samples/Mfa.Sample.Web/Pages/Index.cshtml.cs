using Mfa.AspNetCore.Authentication;

namespace Mfa.Sample.Web.Pages;

internal sealed class IndexModel : SamplePageModel
{
    /// <summary>How this session signed in, in words (from the RFC 8176 <c>amr</c> claims).</summary>
    public IReadOnlyList<string> Methods { get; private set; } = [];

    /// <summary>Whether the session got in without a second factor because Duo was unreachable (fail-open) or bypassed it.</summary>
    public bool MfaBypassed { get; private set; }

    public void OnGet()
    {
        Methods = User.FindAll(MfaClaimTypes.Amr).Select(c => Describe(c.Value)).ToList();
        MfaBypassed = User.HasClaim(MfaClaimTypes.MfaBypassed, "true");
    }

    private static string Describe(string amr) => amr switch
    {
        "pwd" => "password",
        "otp" => "one-time code",
        "hwk" => "security key",
        "swk" => "device authenticator",
        "user" => "user presence",
        "pin" => "PIN or biometrics",
        "mca" => "approval on another device",
        "mfa" => "multi-factor",
        _ => amr,
    };
}
