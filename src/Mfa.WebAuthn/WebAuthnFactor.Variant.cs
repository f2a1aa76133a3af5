using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.WebAuthn.Credentials;

namespace Mfa.WebAuthn;

/// <summary>The factor's word on what kind of WebAuthn authenticator a record is.</summary>
internal sealed partial class WebAuthnFactor : IAuthenticatorDescriber
{
    /// <summary><c>security-key</c>, <c>platform</c>, <c>passkey</c> (backup-eligible: synced) or <c>legacy-u2f</c>; <see langword="null"/> for an unreadable record.</summary>
    public string? DescribeVariant(AuthenticatorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return CredentialRecords.TryRead(record, out var data) ? CredentialVariants.Of(data) : null;
    }
}
