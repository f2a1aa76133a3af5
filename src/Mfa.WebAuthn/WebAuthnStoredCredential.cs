namespace Mfa.WebAuthn;

/// <summary>A credential record (WebAuthn L3 §4) to verify an assertion against with <see cref="WebAuthnVerifier"/>.</summary>
public sealed class WebAuthnStoredCredential
{
    /// <summary>Creates a stored credential.</summary>
    /// <param name="id">The credential id, base64url.</param>
    /// <param name="publicKey">The COSE_Key of the credential public key.</param>
    public WebAuthnStoredCredential(string id, ReadOnlyMemory<byte> publicKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        PublicKey = publicKey;
    }

    /// <summary>The credential id, base64url.</summary>
    public string Id { get; }

    /// <summary>The COSE_Key of the credential public key.</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>The stored signature counter.</summary>
    public uint SignCount { get; init; }

    /// <summary>The BE flag recorded at registration.</summary>
    public bool BackupEligible { get; init; }

    /// <summary>The kind of authenticator (a device authenticator must verify the user).</summary>
    public WebAuthnAuthenticatorKind Kind { get; init; } = WebAuthnAuthenticatorKind.SecurityKey;

    /// <summary>The user handle of the credential's owner; when set, a returned user handle must equal it.</summary>
    public ReadOnlyMemory<byte>? UserHandle { get; init; }
}
