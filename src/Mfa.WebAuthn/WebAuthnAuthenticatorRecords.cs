using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.WebAuthn.Credentials;

namespace Mfa.WebAuthn;

/// <summary>
/// Reads what a host may need from a stored WebAuthn <see cref="AuthenticatorRecord"/> without knowing its data format:
/// the authenticator model's AAGUID and its description from the trust source (FIDO metadata) at registration.
/// </summary>
public static class WebAuthnAuthenticatorRecords
{
    /// <summary>Reads the AAGUID (the authenticator model) of a WebAuthn record.</summary>
    /// <param name="record">A record (any kind).</param>
    /// <param name="aaguid">The AAGUID; <see cref="Guid.Empty"/> for FIDO U2F keys registered through WebAuthn.</param>
    /// <returns>Whether <paramref name="record"/> is a readable WebAuthn record with an AAGUID (imported legacy U2F keys have none).</returns>
    public static bool TryGetAaguid(AuthenticatorRecord record, out Guid aaguid)
    {
        ArgumentNullException.ThrowIfNull(record);
        aaguid = Guid.Empty;
        return record.Kind == FactorKinds.WebAuthn
            && CredentialRecords.TryRead(record, out var data)
            && Guid.TryParseExact(data.Aaguid, "D", out aaguid);
    }

    /// <summary>The model's description ("YubiKey 5 NFC") the trust source gave at registration.</summary>
    /// <param name="record">A record (any kind).</param>
    /// <returns>The description, or <see langword="null"/> for other kinds and when no trust source knew the model.</returns>
    public static string? GetModelDescription(AuthenticatorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Kind == FactorKinds.WebAuthn && CredentialRecords.TryRead(record, out var data) ? data.Model : null;
    }
}
