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

    /// <summary>The BS flag at registration or at the last use (WebAuthn L3 §4 <c>credentialRecord.backupState</c>).</summary>
    public bool BackupState { get; init; }

    /// <summary>The kind of authenticator (a device authenticator must verify the user).</summary>
    public WebAuthnAuthenticatorKind Kind { get; init; } = WebAuthnAuthenticatorKind.SecurityKey;

    /// <summary>The user handle of the credential's owner; when set, a returned user handle must equal it.</summary>
    public ReadOnlyMemory<byte>? UserHandle { get; init; }

    /// <summary>
    /// This credential after an assertion (WebAuthn L3 §7.2 step 23, "update credentialRecord with new state values"):
    /// the signature counter becomes the reported one but never goes lower (a counter that did not increase, accepted
    /// under <see cref="CounterRollbackPolicy.FlagOnly"/>, keeps the stored value), and the backup state becomes the
    /// current BS flag. A failed result changes nothing.
    /// </summary>
    /// <param name="result">What <see cref="WebAuthnVerifier.VerifyAssertion"/> returned for this credential.</param>
    /// <returns>The credential to store.</returns>
    public WebAuthnStoredCredential AfterAssertion(WebAuthnAssertionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Succeeded
            ? new WebAuthnStoredCredential(Id, PublicKey)
            {
                SignCount = Math.Max(SignCount, result.SignCount),
                BackupEligible = BackupEligible,
                BackupState = result.BackupState,
                Kind = Kind,
                UserHandle = UserHandle,
            }
            : this;
    }
}
