using System.Formats.Cbor;
using Mfa.Core;

namespace Mfa.WebAuthn.Parsing;

/// <summary>A parsed attestation object: <c>{fmt, attStmt, authData}</c> (WebAuthn L3 §6.5.4).</summary>
internal sealed class AttestationObject
{
    /// <summary>The longest attestation statement format identifier accepted (registered ones are at most 17 characters).</summary>
    public const int MaxFormatLength = 32;

    /// <summary>The <c>fmt</c> of the compound format, whose <c>attStmt</c> is an array rather than a map.</summary>
    public const string CompoundFormat = "compound";

    /// <summary>The attestation statement format.</summary>
    public required string Format { get; init; }

    /// <summary>The encoded attStmt map (an array for <c>compound</c>), sliced exactly from the object.</summary>
    public required ReadOnlyMemory<byte> Statement { get; init; }

    /// <summary>The parsed authenticator data.</summary>
    public required AuthenticatorData AuthenticatorData { get; init; }

    /// <summary>
    /// Parses an attestation object in strict (not CTAP2-canonical) CBOR mode, because real authenticators emit
    /// valid but non-canonical maps; rejects trailing bytes, excessive nesting and hostile lengths. Never throws for bad input.
    /// </summary>
    /// <remarks>
    /// The authenticator data must parse and must carry attested credential data (an attestation object without a
    /// credential is useless to a relying party). <c>attStmt</c> must be a map, except for <c>compound</c>, where it
    /// is an array of statements (WebAuthn L3 §8.9).
    /// </remarks>
    /// <param name="encoded">The bytes.</param>
    /// <param name="value">The parsed object.</param>
    /// <param name="failure">MalformedInput when parsing fails.</param>
    /// <returns>Whether parsing succeeded.</returns>
    public static bool TryParse(ReadOnlyMemory<byte> encoded, out AttestationObject? value, out MfaFailureReason failure)
    {
        try
        {
            value = Parse(encoded);
            failure = MfaFailureReason.None;
            return true;
        }
        catch (Exception e) when (CborInput.IsMalformedInput(e))
        {
            value = null;
            failure = MfaFailureReason.MalformedInput;
            return false;
        }
    }

    /// <summary>Whether <paramref name="format"/> is a plausible format identifier (printable ASCII, bounded length).</summary>
    /// <param name="format">The identifier.</param>
    /// <returns>Whether it is acceptable.</returns>
    public static bool IsValidFormatIdentifier(string format)
    {
        if (format.Length is 0 or > MaxFormatLength)
        {
            return false;
        }

        foreach (var c in format)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    private static AttestationObject Parse(ReadOnlyMemory<byte> encoded)
    {
        var reader = new CborReader(encoded, CborConformanceMode.Strict);
        if (reader.PeekState() != CborReaderState.StartMap)
        {
            throw new MalformedInputException("The attestation object is not a CBOR map.");
        }

        _ = reader.ReadStartMap();
        string? format = null;
        ReadOnlyMemory<byte>? statement = null;
        ReadOnlyMemory<byte>? authData = null;
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            if (reader.PeekState() != CborReaderState.TextString)
            {
                throw new MalformedInputException("The attestation object has a non-text key.");
            }

            switch (reader.ReadTextString())
            {
                case "fmt" when format is null:
                    format = reader.ReadTextString();
                    break;
                case "attStmt" when statement is null:
                    var state = reader.PeekState();
                    if (state is not (CborReaderState.StartMap or CborReaderState.StartArray))
                    {
                        throw new MalformedInputException("attStmt is neither a map nor an array.");
                    }

                    statement = reader.ReadEncodedValue();
                    break;
                case "authData" when authData is null:
                    authData = reader.ReadDefiniteLengthByteString();
                    break;
                default:
                    throw new MalformedInputException("The attestation object has an unknown or repeated key.");
            }
        }

        reader.ReadEndMap();
        if (reader.BytesRemaining != 0)
        {
            throw new MalformedInputException("Trailing bytes after the attestation object.");
        }

        if (format is null || statement is null || authData is null)
        {
            throw new MalformedInputException("The attestation object lacks fmt, attStmt or authData.");
        }

        if (!IsValidFormatIdentifier(format))
        {
            throw new MalformedInputException("fmt is not a valid identifier.");
        }

        var isArray = statement.Value.Span[0] >> 5 == 4;
        if (isArray != (format == CompoundFormat))
        {
            throw new MalformedInputException("attStmt must be a map (an array only for compound).");
        }

        CborInput.CheckSingleItem(statement.Value, CborConformanceMode.Strict);

        if (!AuthenticatorData.TryParse(authData.Value, out var parsed, out _) || parsed!.AttestedCredential is null)
        {
            throw new MalformedInputException("authData is malformed or carries no attested credential data.");
        }

        return new AttestationObject { Format = format, Statement = statement.Value, AuthenticatorData = parsed };
    }
}
