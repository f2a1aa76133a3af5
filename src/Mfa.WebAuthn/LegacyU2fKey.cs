using Mfa.Core.Factors;

namespace Mfa.WebAuthn;

/// <summary>A FIDO U2F key registered through the legacy U2F API, to import as a WebAuthn credential record.</summary>
public sealed class LegacyU2fKey : AuthenticatorImport
{
    /// <summary>Creates a key to import.</summary>
    /// <param name="keyHandle">The U2F key handle (it becomes the credential id).</param>
    /// <param name="publicKey">The public key: the 65-byte uncompressed P-256 point (<c>0x04 || X || Y</c>) U2F registration returned, or a COSE_Key.</param>
    /// <param name="appId">The FIDO AppID the key was registered with (an <c>https</c> URL).</param>
    public LegacyU2fKey(ReadOnlyMemory<byte> keyHandle, ReadOnlyMemory<byte> publicKey, string appId)
    {
        ArgumentNullException.ThrowIfNull(appId);
        KeyHandle = keyHandle;
        PublicKey = publicKey;
        AppId = appId;
    }

    /// <summary>The U2F key handle.</summary>
    public ReadOnlyMemory<byte> KeyHandle { get; }

    /// <summary>The public key (uncompressed P-256 point or COSE_Key).</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>The FIDO AppID.</summary>
    public string AppId { get; }

    /// <summary>The last counter the U2F server saw; later assertions must exceed it.</summary>
    public uint SignCount { get; init; }

    /// <inheritdoc />
    public override string Kind => FactorKinds.WebAuthn;

}
