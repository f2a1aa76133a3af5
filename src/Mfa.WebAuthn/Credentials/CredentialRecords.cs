using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Factors;

namespace Mfa.WebAuthn.Credentials;

/// <summary>Reads and writes <see cref="WebAuthnCredentialData"/> in authenticator records.</summary>
internal static class CredentialRecords
{
    public static bool TryRead(AuthenticatorRecord record, out WebAuthnCredentialData data)
    {
        data = null!;
        if (record.Kind != FactorKinds.WebAuthn || record.CredentialId is null)
        {
            return false;
        }

        if (!FactorJson.TryRead(record.Data, WebAuthnJsonContext.Default.WebAuthnCredentialData, out var read) || !CredentialKinds.TryParse(read.Kind, out _))
        {
            return false;
        }

        data = read;
        return true;
    }

    public static string Write(WebAuthnCredentialData data) => JsonSerializer.Serialize(data, WebAuthnJsonContext.Default.WebAuthnCredentialData);
}
