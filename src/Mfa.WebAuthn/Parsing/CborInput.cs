using System.Formats.Asn1;
using System.Formats.Cbor;
using System.Security.Cryptography;

namespace Mfa.WebAuthn.Parsing;

/// <summary>
/// Guards shared by every CBOR parser in the package: bounded nesting, and the single list of exception types that a
/// parser of hostile bytes may raise (and that the caller converts to a typed failure).
/// </summary>
internal static class CborInput
{
    /// <summary>The deepest nesting accepted anywhere (COSE keys are depth 1, attestation statements depth 2-3).</summary>
    public const int MaxDepth = 8;

    /// <summary>
    /// CTAP2 §8 (message encoding): the nesting of CBOR maps and arrays in anything an authenticator produces (the
    /// credential public key, authenticator extension outputs) is at most four levels.
    /// </summary>
    public const int Ctap2MaxDepth = 4;

    /// <summary>
    /// Whether <paramref name="exception"/> is one that parsing untrusted input can raise. Anything else (for
    /// example <see cref="OutOfMemoryException"/> or a bug's <see cref="NullReferenceException"/>) is not swallowed.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns>Whether it stands for malformed input.</returns>
    public static bool IsMalformedInput(Exception exception) =>
        exception is MalformedInputException
            or CborContentException
            or InvalidOperationException
            or FormatException
            or OverflowException
            or ArgumentException
            or AsnContentException
            or CryptographicException
            or KeyNotFoundException
            or System.Text.Json.JsonException
            or System.Text.DecoderFallbackException;

    /// <summary>Skips one data item, refusing nesting deeper than <paramref name="maxDepth"/>.</summary>
    /// <param name="reader">The reader, positioned before the item.</param>
    /// <param name="maxDepth">
    /// How many levels of containers (maps, arrays, tags) the item may open, counting itself: 0 allows only a scalar.
    /// </param>
    /// <exception cref="MalformedInputException">The item nests too deeply.</exception>
    public static void SkipBounded(CborReader reader, int maxDepth)
    {
        var state = reader.PeekState();
        if (maxDepth < 0 || (maxDepth == 0 && state is CborReaderState.StartArray or CborReaderState.StartMap or CborReaderState.Tag))
        {
            throw new MalformedInputException("CBOR nesting is too deep.");
        }

        switch (state)
        {
            case CborReaderState.StartArray:
                reader.ReadStartArray();
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    SkipBounded(reader, maxDepth - 1);
                }

                reader.ReadEndArray();
                break;
            case CborReaderState.StartMap:
                reader.ReadStartMap();
                while (reader.PeekState() != CborReaderState.EndMap)
                {
                    SkipBounded(reader, maxDepth - 1);
                    SkipBounded(reader, maxDepth - 1);
                }

                reader.ReadEndMap();
                break;
            case CborReaderState.Tag:
                _ = reader.ReadTag();
                SkipBounded(reader, maxDepth - 1);
                break;
            default:
                // A scalar or a (possibly chunked) string: no nesting below it.
                reader.SkipValue();
                break;
        }
    }

    /// <summary>Checks that <paramref name="encoded"/> is exactly one data item no deeper than <see cref="MaxDepth"/>.</summary>
    /// <param name="encoded">The encoded item.</param>
    /// <param name="mode">The conformance mode.</param>
    /// <exception cref="MalformedInputException">Too deep or trailing bytes.</exception>
    public static void CheckSingleItem(ReadOnlyMemory<byte> encoded, CborConformanceMode mode)
    {
        var reader = new CborReader(encoded, mode);
        SkipBounded(reader, MaxDepth);
        if (reader.BytesRemaining != 0)
        {
            throw new MalformedInputException("Trailing bytes after the CBOR item.");
        }
    }
}
