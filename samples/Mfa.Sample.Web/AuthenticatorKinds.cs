using Mfa.Core.Factors;
using Mfa.Core.Service;

namespace Mfa.Sample.Web;

/// <summary>How the sample names a kind of authenticator to people, from its factor kind and Core's <see cref="AuthenticatorInfo.Variant"/>.</summary>
internal static class AuthenticatorKinds
{
    public static string Label(AuthenticatorInfo authenticator) => authenticator.Kind switch
    {
        FactorKinds.Totp => "Authenticator app",
        FactorKinds.WebAuthn => authenticator.Variant switch
        {
            "platform" => "Device authenticator",
            "passkey" => "Passkey (synced)",
            "legacy-u2f" => "Legacy security key",
            _ => "Security key",
        },
        FactorKinds.Push => "Phone (push)",
        FactorKinds.Duo => "Duo",
        _ => authenticator.Kind,
    };
}
