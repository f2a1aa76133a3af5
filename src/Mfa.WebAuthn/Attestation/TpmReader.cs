using System.Buffers.Binary;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Attestation;

/// <summary>Reads big-endian TPM 2.0 structures (TPM 2.0 Part 2) from a byte span, throwing on truncation.</summary>
internal ref struct TpmReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _offset;

    /// <summary>Creates a reader.</summary>
    /// <param name="data">The structure.</param>
    public TpmReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _offset = 0;
    }

    /// <summary>Whether every byte was read.</summary>
    public readonly bool AtEnd => _offset == _data.Length;

    /// <summary>Reads a UINT16.</summary>
    /// <returns>The value.</returns>
    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    /// <summary>Reads a UINT32.</summary>
    /// <returns>The value.</returns>
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    /// <summary>Skips bytes.</summary>
    /// <param name="count">How many.</param>
    public void Skip(int count) => _ = Take(count);

    /// <summary>Reads a TPM2B_*: a UINT16 size and that many bytes.</summary>
    /// <returns>The bytes.</returns>
    public ReadOnlySpan<byte> ReadSized() => Take(ReadUInt16());

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _offset)
        {
            throw new MalformedInputException("A TPM structure is truncated.");
        }

        var slice = _data.Slice(_offset, count);
        _offset += count;
        return slice;
    }
}
