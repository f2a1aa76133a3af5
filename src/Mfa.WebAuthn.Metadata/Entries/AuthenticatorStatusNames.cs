namespace Mfa.WebAuthn.Metadata.Entries;

/// <summary>Converts between <see cref="AuthenticatorStatus"/> and the MDS3 spelling (<c>FIDO_CERTIFIED_L1plus</c>).</summary>
public static class AuthenticatorStatusNames
{
    private static readonly Dictionary<string, AuthenticatorStatus> s_byName = new(StringComparer.Ordinal)
    {
        ["NOT_FIDO_CERTIFIED"] = AuthenticatorStatus.NotFidoCertified,
        ["FIDO_CERTIFIED"] = AuthenticatorStatus.FidoCertified,
        ["USER_VERIFICATION_BYPASS"] = AuthenticatorStatus.UserVerificationBypass,
        ["ATTESTATION_KEY_COMPROMISE"] = AuthenticatorStatus.AttestationKeyCompromise,
        ["USER_KEY_REMOTE_COMPROMISE"] = AuthenticatorStatus.UserKeyRemoteCompromise,
        ["USER_KEY_PHYSICAL_COMPROMISE"] = AuthenticatorStatus.UserKeyPhysicalCompromise,
        ["UPDATE_AVAILABLE"] = AuthenticatorStatus.UpdateAvailable,
        ["REVOKED"] = AuthenticatorStatus.Revoked,
        ["SELF_ASSERTION_SUBMITTED"] = AuthenticatorStatus.SelfAssertionSubmitted,
        ["FIDO_CERTIFIED_L1"] = AuthenticatorStatus.FidoCertifiedL1,
        ["FIDO_CERTIFIED_L1plus"] = AuthenticatorStatus.FidoCertifiedL1Plus,
        ["FIDO_CERTIFIED_L2"] = AuthenticatorStatus.FidoCertifiedL2,
        ["FIDO_CERTIFIED_L2plus"] = AuthenticatorStatus.FidoCertifiedL2Plus,
        ["FIDO_CERTIFIED_L3"] = AuthenticatorStatus.FidoCertifiedL3,
        ["FIDO_CERTIFIED_L3plus"] = AuthenticatorStatus.FidoCertifiedL3Plus,
    };

    private static readonly Dictionary<AuthenticatorStatus, string> s_byStatus = s_byName.ToDictionary(static p => p.Value, static p => p.Key);

    /// <summary>Parses the MDS3 spelling; unknown text gives <see cref="AuthenticatorStatus.Unknown"/>.</summary>
    /// <param name="name">The status text, for example <c>REVOKED</c>.</param>
    /// <returns>The status.</returns>
    public static AuthenticatorStatus Parse(string? name) =>
        name is not null && s_byName.TryGetValue(name, out var status) ? status : AuthenticatorStatus.Unknown;

    /// <summary>The MDS3 spelling of <paramref name="status"/> (<c>UNKNOWN</c> for <see cref="AuthenticatorStatus.Unknown"/>).</summary>
    /// <param name="status">The status.</param>
    /// <returns>The text.</returns>
    public static string ToName(AuthenticatorStatus status) => s_byStatus.TryGetValue(status, out var name) ? name : "UNKNOWN";

    /// <summary>The certification level a status states: 0 for none, 1 for FIDO_CERTIFIED and L1, 2 for L1plus, 3 for L2, … 6 for L3plus.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The level rank.</returns>
    public static int CertificationRank(AuthenticatorStatus status) => status switch
    {
        AuthenticatorStatus.FidoCertified or AuthenticatorStatus.FidoCertifiedL1 => 1,
        AuthenticatorStatus.FidoCertifiedL1Plus => 2,
        AuthenticatorStatus.FidoCertifiedL2 => 3,
        AuthenticatorStatus.FidoCertifiedL2Plus => 4,
        AuthenticatorStatus.FidoCertifiedL3 => 5,
        AuthenticatorStatus.FidoCertifiedL3Plus => 6,
        _ => 0,
    };
}
