using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Duo;
using Mfa.WebAuthn;

namespace Mfa.AspNetCore.Authentication;

/// <summary>The RFC 8176 authentication method references of a successful verification.</summary>
internal static class MfaAmr
{
    /// <summary>The kind recorded for a redeemed recovery code.</summary>
    public const string RecoveryKind = "recovery";

    /// <summary>Whether the result succeeded without a second factor actually performed (Duo fail-open or Duo policy bypass).</summary>
    public static bool IsBypassed(MfaVerificationResult result) =>
        result.GetDetails<DuoVerificationDetails>() is { } duo && (duo.DuoBypassed || duo.PolicyBypassed);

    /// <summary>The <c>amr</c> values: <c>mfa</c> always, except for a bypassed result.</summary>
    public static IReadOnlyList<string> For(MfaVerificationResult result, string kind)
    {
        var values = new List<string>(4);
        switch (kind)
        {
            case FactorKinds.Totp or "hotp" or RecoveryKind:
                values.Add("otp");
                break;
            case FactorKinds.WebAuthn:
                var webAuthn = result.GetDetails<WebAuthnVerificationDetails>();
                values.Add(webAuthn?.AuthenticatorKind == WebAuthnAuthenticatorKind.Device ? "swk" : "hwk");
                values.Add("user");
                break;
            case FactorKinds.Push or FactorKinds.Duo:
                values.Add("mca");
                break;
            default:
                break;
        }

        if (result.UserVerified)
        {
            values.Add("pin");
        }

        if (!IsBypassed(result))
        {
            values.Add("mfa");
        }

        return values;
    }
}
