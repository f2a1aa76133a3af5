using Mfa.Core;

namespace Mfa.WebAuthn.Parsing;

/// <summary>A parsed attestation object: <c>{fmt, attStmt, authData}</c> (WebAuthn L3 §6.5.4). SHARED CONTRACT.</summary>
internal sealed class AttestationObject
{
    /// <summary>The attestation statement format.</summary>
    public required string Format { get; init; }

    /// <summary>The encoded attStmt map, sliced exactly from the object.</summary>
    public required ReadOnlyMemory<byte> Statement { get; init; }

    /// <summary>The parsed authenticator data.</summary>
    public required AuthenticatorData AuthenticatorData { get; init; }

    /// <summary>
    /// Parses an attestation object in strict (not CTAP2-canonical) CBOR mode, because real authenticators emit
    /// valid but non-canonical maps; rejects trailing bytes, excessive nesting and hostile lengths. Never throws for bad input.
    /// </summary>
    /// <param name="encoded">The bytes.</param>
    /// <param name="value">The parsed object.</param>
    /// <param name="failure">MalformedInput when parsing fails.</param>
    /// <returns>Whether parsing succeeded.</returns>
    public static bool TryParse(ReadOnlyMemory<byte> encoded, out AttestationObject? value, out MfaFailureReason failure) => throw new NotSupportedException("Not yet implemented (#3).");
}
