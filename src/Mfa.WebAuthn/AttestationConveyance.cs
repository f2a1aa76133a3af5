namespace Mfa.WebAuthn;

/// <summary>The attestation a relying party asks for (WebAuthn L3 §5.4.7 <c>AttestationConveyancePreference</c>).</summary>
public enum AttestationConveyance
{
    /// <summary><c>none</c>: no attestation; clients may replace it with <c>none</c> to protect privacy.</summary>
    None = 0,

    /// <summary><c>indirect</c>: an attestation the client may anonymise.</summary>
    Indirect = 1,

    /// <summary><c>direct</c>: the authenticator's own attestation statement.</summary>
    Direct = 2,

    /// <summary><c>enterprise</c>: an attestation that may identify the individual authenticator (managed devices only).</summary>
    Enterprise = 3,
}
