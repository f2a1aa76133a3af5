using System.Buffers.Binary;
using System.Formats.Cbor;
using Mfa.Core;

namespace Mfa.WebAuthn.Parsing;

/// <summary>Parsed authenticator data (WebAuthn L3 §6.1).</summary>
internal sealed class AuthenticatorData
{
    /// <summary>rpIdHash (32) + flags (1) + signCount (4).</summary>
    public const int MinLength = 37;

    /// <summary>WebAuthn L3 §6.5.1: credentialIdLength is at most 1023.</summary>
    public const int MaxCredentialIdLength = 1023;

    private const int RpIdHashLength = 32;
    private const int AaguidLength = 16;

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
    public static bool TryParse(ReadOnlyMemory<byte> raw, out AuthenticatorData? data, out MfaFailureReason failure)
    {
        try
        {
            data = Parse(raw);
            failure = MfaFailureReason.None;
            return true;
        }
        catch (Exception e) when (CborInput.IsMalformedInput(e))
        {
            data = null;
            failure = MfaFailureReason.MalformedInput;
            return false;
        }
    }

    private static AuthenticatorData Parse(ReadOnlyMemory<byte> raw)
    {
        var span = raw.Span;
        if (span.Length < MinLength)
        {
            throw new MalformedInputException("Authenticator data is shorter than 37 bytes.");
        }

        var flags = (AuthenticatorDataFlags)span[RpIdHashLength];
        var signCount = BinaryPrimitives.ReadUInt32BigEndian(span.Slice(RpIdHashLength + 1, 4));
        var offset = MinLength;

        AttestedCredentialData? attested = null;
        if (flags.HasFlag(AuthenticatorDataFlags.AttestedCredentialData))
        {
            attested = ParseAttestedCredentialData(raw, ref offset);
        }

        ReadOnlyMemory<byte>? extensions = null;
        if (flags.HasFlag(AuthenticatorDataFlags.ExtensionData))
        {
            // §6.1: the extensions are a CBOR map (CTAP2 canonical) that ends the authenticator data.
            var rest = raw[offset..];
            var reader = new CborReader(rest, CborConformanceMode.Ctap2Canonical);
            if (reader.PeekState() != CborReaderState.StartMap)
            {
                throw new MalformedInputException("Extensions are not a CBOR map.");
            }

            CborInput.SkipBounded(reader, CborInput.Ctap2MaxDepth);
            extensions = rest[..(rest.Length - reader.BytesRemaining)];
            offset += extensions.Value.Length;
        }

        // AT ⇔ attested data, ED ⇔ extensions: anything left over means a flag is missing or bytes were appended.
        if (offset != span.Length)
        {
            throw new MalformedInputException("Unexpected bytes after the authenticator data.");
        }

        return new AuthenticatorData
        {
            Raw = raw,
            RpIdHash = raw[..RpIdHashLength],
            Flags = flags,
            SignCount = signCount,
            AttestedCredential = attested,
            Extensions = extensions,
        };
    }

    private static AttestedCredentialData ParseAttestedCredentialData(ReadOnlyMemory<byte> raw, ref int offset)
    {
        var span = raw.Span;
        if (span.Length - offset < AaguidLength + 2)
        {
            throw new MalformedInputException("Attested credential data is truncated.");
        }

        var aaguid = raw.Slice(offset, AaguidLength);
        offset += AaguidLength;
        int idLength = BinaryPrimitives.ReadUInt16BigEndian(span.Slice(offset, 2));
        offset += 2;
        if (idLength > MaxCredentialIdLength)
        {
            throw new MalformedInputException("Credential id is longer than 1023 bytes.");
        }

        if (span.Length - offset < idLength)
        {
            throw new MalformedInputException("Credential id is truncated.");
        }

        var credentialId = raw.Slice(offset, idLength);
        offset += idLength;

        // §6.5.1: the key's length is only known by reading one CBOR value (a COSE_Key map).
        var rest = raw[offset..];
        var reader = new CborReader(rest, CborConformanceMode.Ctap2Canonical, allowMultipleRootLevelValues: true);
        if (reader.PeekState() != CborReaderState.StartMap)
        {
            throw new MalformedInputException("Credential public key is not a CBOR map.");
        }

        // CTAP2 §8: at most four levels of nesting, the key's own map included.
        CborInput.SkipBounded(reader, CborInput.Ctap2MaxDepth);
        var key = rest[..(rest.Length - reader.BytesRemaining)];
        offset += key.Length;
        return new AttestedCredentialData { Aaguid = aaguid, CredentialId = credentialId, CredentialPublicKey = key };
    }
}
