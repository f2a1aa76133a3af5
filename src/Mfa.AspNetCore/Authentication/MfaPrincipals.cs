namespace Mfa.AspNetCore.Authentication;

/// <summary>Builds the final principal from the pending one and a verification.</summary>
internal static partial class MfaPrincipals
{
    /// <summary>The pending sign-in's item: whether the final cookie persists.</summary>
    public const string PersistentItem = "mfa.persistent";

    /// <summary>Whether the claim type is one the MFA endpoints own (never carried from the host).</summary>
    public static bool IsMfaClaim(string type) =>
        type is MfaClaimTypes.Amr or MfaClaimTypes.MfaTime or MfaClaimTypes.MfaKind or MfaClaimTypes.AuthenticatorId or MfaClaimTypes.MfaBypassed;
}
