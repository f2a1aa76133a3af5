using System.Globalization;
using System.Security.Claims;
using Mfa.AspNetCore.Endpoints;

namespace Mfa.AspNetCore.Authentication;

/// <summary>Builds the final principal from the session (pending or signed in) and a verification.</summary>
internal static class MfaPrincipals
{
    /// <summary>The pending sign-in's item: whether the final cookie persists.</summary>
    public const string PersistentItem = "mfa.persistent";

    /// <summary>Whether the claim type is one the MFA endpoints own (never carried from the host).</summary>
    public static bool IsMfaClaim(string type) =>
        type is MfaClaimTypes.Amr or MfaClaimTypes.MfaTime or MfaClaimTypes.MfaKind or MfaClaimTypes.AuthenticatorId or MfaClaimTypes.MfaBypassed;

    /// <summary>
    /// The session's claims (minus the MFA ones) plus this verification's: <c>amr</c> (the union with the session's when
    /// stepping up), <c>mfa_time</c>, <c>mfa_kind</c>, <c>mfa_authenticator</c>, or <c>mfa_bypassed</c>.
    /// </summary>
    public static ClaimsPrincipal Build(MfaSession session, string scheme, MfaVerified verified)
    {
        var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, ClaimTypes.Role);
        var amrValues = new List<string>();
        foreach (var claim in session.Principal.Claims)
        {
            if (claim.Type == MfaClaimTypes.Amr && !session.IsPending && claim.Value != "mfa")
            {
                amrValues.Add(claim.Value);
            }

            if (!IsMfaClaim(claim.Type))
            {
                identity.AddClaim(new Claim(claim.Type, claim.Value, claim.ValueType));
            }
        }

        var amr = verified.Amr;
        foreach (var value in amr)
        {
            if (!amrValues.Contains(value, StringComparer.Ordinal))
            {
                amrValues.Add(value);
            }
        }

        foreach (var value in amrValues)
        {
            identity.AddClaim(new Claim(MfaClaimTypes.Amr, value));
        }

        if (verified.Bypassed)
        {
            identity.AddClaim(new Claim(MfaClaimTypes.MfaBypassed, "true", ClaimValueTypes.Boolean));
        }
        else
        {
            identity.AddClaim(new Claim(MfaClaimTypes.MfaTime, verified.At.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        }

        identity.AddClaim(new Claim(MfaClaimTypes.MfaKind, verified.Kind));
        if (verified.AuthenticatorId is { } authenticatorId)
        {
            identity.AddClaim(new Claim(MfaClaimTypes.AuthenticatorId, authenticatorId));
        }

        return new ClaimsPrincipal(identity);
    }
}
