using System.Formats.Cbor;
using Mfa.WebAuthn.Cose;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Attestation;

/// <summary>
/// The members of an <c>attStmt</c> map, each kept as its encoded CBOR value, read with typed accessors that throw
/// <see cref="MalformedInputException"/> (converted to a failure by <see cref="AttestationVerifier"/>).
/// </summary>
internal sealed class AttestationStatement
{
    /// <summary>The most members a statement may have (tpm has six).</summary>
    public const int MaxMembers = 16;

    /// <summary>The most certificates accepted in an x5c array.</summary>
    public const int MaxCertificates = 8;

    private readonly Dictionary<string, ReadOnlyMemory<byte>> _members;

    private AttestationStatement(Dictionary<string, ReadOnlyMemory<byte>> members) => _members = members;

    /// <summary>The number of members.</summary>
    public int Count => _members.Count;

    /// <summary>Reads an encoded attStmt map (strict CBOR, text keys, no duplicates).</summary>
    /// <param name="encoded">The encoded map.</param>
    /// <returns>The statement.</returns>
    public static AttestationStatement Parse(ReadOnlyMemory<byte> encoded)
    {
        CborInput.CheckSingleItem(encoded, CborConformanceMode.Strict);
        var reader = new CborReader(encoded, CborConformanceMode.Strict);
        if (reader.PeekState() != CborReaderState.StartMap)
        {
            throw new MalformedInputException("attStmt is not a map.");
        }

        _ = reader.ReadStartMap();
        var members = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            if (reader.PeekState() != CborReaderState.TextString || members.Count >= MaxMembers)
            {
                throw new MalformedInputException("attStmt has a non-text key or too many members.");
            }

            var name = reader.ReadTextString();
            if (!members.TryAdd(name, reader.ReadEncodedValue()))
            {
                throw new MalformedInputException("attStmt repeats a key.");
            }
        }

        reader.ReadEndMap();
        return new AttestationStatement(members);
    }

    /// <summary>Whether the statement has a member.</summary>
    /// <param name="name">The member name.</param>
    /// <returns>Whether it is present.</returns>
    public bool Has(string name) => _members.ContainsKey(name);

    /// <summary>Reads a COSE algorithm identifier member (an integer).</summary>
    /// <param name="name">The member name.</param>
    /// <returns>The algorithm (possibly one this package does not know).</returns>
    public CoseAlgorithm GetAlgorithm(string name)
    {
        var value = Reader(name).ReadInt32();
        return (CoseAlgorithm)value;
    }

    /// <summary>Reads a byte string member.</summary>
    /// <param name="name">The member name.</param>
    /// <returns>The bytes.</returns>
    public ReadOnlyMemory<byte> GetBytes(string name) => Reader(name).ReadDefiniteLengthByteString();

    /// <summary>Returns a member's encoded CBOR value.</summary>
    /// <param name="name">The member name.</param>
    /// <returns>The encoded value.</returns>
    public ReadOnlyMemory<byte> GetEncoded(string name) =>
        _members.TryGetValue(name, out var encoded) ? encoded : throw new MalformedInputException("attStmt lacks a required member.");

    /// <summary>Reads a text string member.</summary>
    /// <param name="name">The member name.</param>
    /// <returns>The text.</returns>
    public string GetText(string name) => Reader(name).ReadTextString();

    /// <summary>Reads an array of byte strings (x5c): at least one, at most <see cref="MaxCertificates"/>.</summary>
    /// <param name="name">The member name.</param>
    /// <returns>The byte strings.</returns>
    public IReadOnlyList<ReadOnlyMemory<byte>> GetByteStrings(string name)
    {
        var reader = Reader(name);
        var count = reader.ReadStartArray();
        if (count is null or 0 or > MaxCertificates)
        {
            throw new MalformedInputException("x5c must hold 1 to 8 certificates.");
        }

        var items = new List<ReadOnlyMemory<byte>>(count.Value);
        for (var i = 0; i < count.Value; i++)
        {
            items.Add(reader.ReadDefiniteLengthByteString());
        }

        reader.ReadEndArray();
        return items;
    }

    private CborReader Reader(string name)
    {
        if (!_members.TryGetValue(name, out var encoded))
        {
            throw new MalformedInputException("attStmt lacks a required member.");
        }

        return new CborReader(encoded, CborConformanceMode.Strict);
    }
}
