using Mfa.Core;

namespace Mfa.WebAuthn.Parsing;

/// <summary>Parsed authenticator data (WebAuthn L3 §6.1). SHARED CONTRACT: keep the signatures.</summary>
internal sealed class AuthenticatorData
{
    /// <summary>The raw bytes.</summary>
    public required ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>SHA-256 of the RP ID (32 bytes).</summary>
    public required ReadOnlyMemory<byte> RpIdHash { get; init; }

    /// <summary>The flags.</summary>
    public required AuthenticatorDataFlags Flags { get; init; }

    /// <summary>The signature counter.</summary>
    public required uint SignCount { get; init; }

    /// <summary>The attested credential data, when the AT flag is set.</summary>
    public AttestedCredentialData? AttestedCredential { get; init; }

    /// <summary>The encoded extensions map (CTAP2 canonical CBOR), when the ED flag is set.</summary>
    public ReadOnlyMemory<byte>? Extensions { get; init; }

    /// <summary>
    /// Parses authenticator data: 37 fixed bytes, then attested credential data if AT, then an extensions map if ED,
    /// and nothing after. Never throws for bad input.
    /// </summary>
    /// <param name="raw">The bytes.</param>
    /// <param name="data">The parsed data.</param>
    /// <param name="failure">MalformedInput with the reason when parsing fails.</param>
    /// <returns>Whether parsing succeeded.</returns>
    public static bool TryParse(ReadOnlyMemory<byte> raw, out AuthenticatorData? data, out MfaFailureReason failure) => throw new NotSupportedException("Not yet implemented (#3).");
}
