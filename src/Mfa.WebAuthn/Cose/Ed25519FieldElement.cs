using System.Buffers.Binary;
using System.Numerics;

namespace Mfa.WebAuthn.Cose;

/// <summary>
/// An element of GF(2^255 − 19) in radix 2^51 (five 51-bit limbs), the representation of the "donna" and ref10
/// implementations. Every operation returns limbs below 2^52, so products of two elements fit in 128 bits.
/// Public data only (signature verification): no constant-time requirement.
/// </summary>
/// <remarks>
/// Arithmetic is <c>unchecked</c> on purpose (the package builds with overflow checks): every bound is stated where it
/// matters, limbs stay below 2^52 between operations and 128-bit accumulators below 2^115, so nothing wraps.
/// </remarks>
internal readonly struct Ed25519FieldElement : IEquatable<Ed25519FieldElement>
{
    private const ulong Mask = (1UL << 51) - 1;

    // 4p in radix 2^51, added before subtracting so limbs never go negative.
    private const ulong FourP0 = (Mask - 18) * 4;
    private const ulong FourPi = Mask * 4;

    private readonly ulong _l0;
    private readonly ulong _l1;
    private readonly ulong _l2;
    private readonly ulong _l3;
    private readonly ulong _l4;

    private Ed25519FieldElement(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        _l0 = l0;
        _l1 = l1;
        _l2 = l2;
        _l3 = l3;
        _l4 = l4;
    }

    /// <summary>0.</summary>
    public static Ed25519FieldElement Zero => default;

    /// <summary>1.</summary>
    public static Ed25519FieldElement One => new(1, 0, 0, 0, 0);

    /// <summary>Whether the element is 0.</summary>
    public bool IsZero => Equals(Zero);

    /// <summary>Whether the canonical encoding's lowest bit is set (RFC 8032 calls such x "negative").</summary>
    public bool IsNegative
    {
        get
        {
            Span<byte> bytes = stackalloc byte[32];
            Encode(bytes);
            return (bytes[0] & 1) != 0;
        }
    }

    public static Ed25519FieldElement operator +(Ed25519FieldElement a, Ed25519FieldElement b) =>
        unchecked(Carry(a._l0 + b._l0, a._l1 + b._l1, a._l2 + b._l2, a._l3 + b._l3, a._l4 + b._l4));

    public static Ed25519FieldElement operator -(Ed25519FieldElement a, Ed25519FieldElement b) =>
        unchecked(Carry(a._l0 + FourP0 - b._l0, a._l1 + FourPi - b._l1, a._l2 + FourPi - b._l2, a._l3 + FourPi - b._l3, a._l4 + FourPi - b._l4));

    public static Ed25519FieldElement operator -(Ed25519FieldElement a) => Zero - a;

    public static Ed25519FieldElement operator *(Ed25519FieldElement a, Ed25519FieldElement b)
    {
        unchecked
        {
            // Schoolbook product; limbs that overflow 2^255 wrap around with a factor 19 (2^255 ≡ 19).
            ulong a0 = a._l0, a1 = a._l1, a2 = a._l2, a3 = a._l3, a4 = a._l4;
            ulong b0 = b._l0, b1 = b._l1, b2 = b._l2, b3 = b._l3, b4 = b._l4;
            ulong b1x19 = b1 * 19, b2x19 = b2 * 19, b3x19 = b3 * 19, b4x19 = b4 * 19;
            var r0 = Math.BigMul(a0, b0) + Math.BigMul(a1, b4x19) + Math.BigMul(a2, b3x19) + Math.BigMul(a3, b2x19) + Math.BigMul(a4, b1x19);
            var r1 = Math.BigMul(a0, b1) + Math.BigMul(a1, b0) + Math.BigMul(a2, b4x19) + Math.BigMul(a3, b3x19) + Math.BigMul(a4, b2x19);
            var r2 = Math.BigMul(a0, b2) + Math.BigMul(a1, b1) + Math.BigMul(a2, b0) + Math.BigMul(a3, b4x19) + Math.BigMul(a4, b3x19);
            var r3 = Math.BigMul(a0, b3) + Math.BigMul(a1, b2) + Math.BigMul(a2, b1) + Math.BigMul(a3, b0) + Math.BigMul(a4, b4x19);
            var r4 = Math.BigMul(a0, b4) + Math.BigMul(a1, b3) + Math.BigMul(a2, b2) + Math.BigMul(a3, b1) + Math.BigMul(a4, b0);

            return Reduce(r0, r1, r2, r3, r4);
        }
    }

    public static bool operator ==(Ed25519FieldElement left, Ed25519FieldElement right) => left.Equals(right);

    /// <summary>this², with 15 products instead of 25.</summary>
    /// <returns>The square.</returns>
    public Ed25519FieldElement Square()
    {
        unchecked
        {
            ulong a0 = _l0, a1 = _l1, a2 = _l2, a3 = _l3, a4 = _l4;
            ulong d0 = a0 * 2, d1 = a1 * 2, d2 = a2 * 2, d3 = a3 * 2;
            ulong a3x19 = a3 * 19, a4x19 = a4 * 19;
            var r0 = Math.BigMul(a0, a0) + Math.BigMul(d1, a4x19) + Math.BigMul(d2, a3x19);
            var r1 = Math.BigMul(d0, a1) + Math.BigMul(d2, a4x19) + Math.BigMul(a3, a3x19);
            var r2 = Math.BigMul(d0, a2) + Math.BigMul(a1, a1) + Math.BigMul(d3, a4x19);
            var r3 = Math.BigMul(d0, a3) + Math.BigMul(d1, a2) + Math.BigMul(a4, a4x19);
            var r4 = Math.BigMul(d0, a4) + Math.BigMul(d1, a3) + Math.BigMul(a2, a2);
            return Reduce(r0, r1, r2, r3, r4);
        }
    }

    /// <summary>this^(2^n), by n squarings.</summary>
    /// <param name="n">How many squarings.</param>
    /// <returns>The power.</returns>
    public Ed25519FieldElement SquareTimes(int n)
    {
        var result = this;
        for (var i = 0; i < n; i++)
        {
            result = result.Square();
        }

        return result;
    }

    /// <summary>this^((p − 5) / 8) = this^(2^252 − 3), by the ref10 addition chain (252 squarings, 11 products).</summary>
    /// <returns>The power.</returns>
    public Ed25519FieldElement Pow22523()
    {
        var z2 = Square();
        var z9 = z2.SquareTimes(2) * this;
        var z11 = z2 * z9;
        var z2_5_0 = z11.Square() * z9;
        var z2_10_0 = z2_5_0.SquareTimes(5) * z2_5_0;
        var z2_20_0 = z2_10_0.SquareTimes(10) * z2_10_0;
        var z2_40_0 = z2_20_0.SquareTimes(20) * z2_20_0;
        var z2_50_0 = z2_40_0.SquareTimes(10) * z2_10_0;
        var z2_100_0 = z2_50_0.SquareTimes(50) * z2_50_0;
        var z2_200_0 = z2_100_0.SquareTimes(100) * z2_100_0;
        var z2_250_0 = z2_200_0.SquareTimes(50) * z2_50_0;
        return z2_250_0.SquareTimes(2) * this;
    }

    public static bool operator !=(Ed25519FieldElement left, Ed25519FieldElement right) => !left.Equals(right);

    /// <summary>Reads 32 little-endian bytes, ignoring the top bit (the value may be ≥ p: see <see cref="IsCanonical"/>).</summary>
    /// <param name="bytes">32 bytes.</param>
    /// <returns>The element.</returns>
    public static Ed25519FieldElement Decode(ReadOnlySpan<byte> bytes) => Carry(
        BinaryPrimitives.ReadUInt64LittleEndian(bytes) & Mask,
        (BinaryPrimitives.ReadUInt64LittleEndian(bytes[6..]) >> 3) & Mask,
        (BinaryPrimitives.ReadUInt64LittleEndian(bytes[12..]) >> 6) & Mask,
        (BinaryPrimitives.ReadUInt64LittleEndian(bytes[19..]) >> 1) & Mask,
        (BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]) >> 12) & Mask);

    /// <summary>Whether 32 bytes (top bit ignored) encode a value below p.</summary>
    /// <param name="bytes">32 bytes.</param>
    /// <returns>Whether the encoding is canonical.</returns>
    public static bool IsCanonical(ReadOnlySpan<byte> bytes)
    {
        Span<byte> canonical = stackalloc byte[32];
        Decode(bytes).Encode(canonical);
        canonical[31] |= (byte)(bytes[31] & 0x80);
        return canonical.SequenceEqual(bytes);
    }

    /// <summary>The element of a non-negative integer below 2^255.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The element.</returns>
    public static Ed25519FieldElement FromInteger(BigInteger value)
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        _ = value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return Decode(bytes);
    }

    /// <summary>Writes the canonical (fully reduced) 32-byte little-endian encoding.</summary>
    /// <param name="destination">32 bytes.</param>
    public void Encode(Span<byte> destination)
    {
        // Carry until every limb is below 2^51 (the value is then below 2^255), then subtract p once if the value is
        // at least p: q = 1 exactly when value + 19 reaches 2^255.
        var carried = this;
        while ((carried._l0 | carried._l1 | carried._l2 | carried._l3 | carried._l4) > Mask)
        {
            carried = Carry(carried._l0, carried._l1, carried._l2, carried._l3, carried._l4);
        }

        ulong l0 = carried._l0, l1 = carried._l1, l2 = carried._l2, l3 = carried._l3, l4 = carried._l4;

        var q = (l0 + 19) >> 51;
        q = (l1 + q) >> 51;
        q = (l2 + q) >> 51;
        q = (l3 + q) >> 51;
        q = (l4 + q) >> 51;
        l0 += 19 * q;
        l1 += l0 >> 51;
        l0 &= Mask;
        l2 += l1 >> 51;
        l1 &= Mask;
        l3 += l2 >> 51;
        l2 &= Mask;
        l4 += l3 >> 51;
        l3 &= Mask;
        l4 &= Mask;
        BinaryPrimitives.WriteUInt64LittleEndian(destination, l0 | (l1 << 51));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], (l1 >> 13) | (l2 << 38));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], (l2 >> 26) | (l3 << 25));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], (l3 >> 39) | (l4 << 12));
    }

    /// <inheritdoc/>
    public bool Equals(Ed25519FieldElement other)
    {
        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        Encode(a);
        other.Encode(b);
        return a.SequenceEqual(b);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Ed25519FieldElement other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        Span<byte> bytes = stackalloc byte[32];
        Encode(bytes);
        var hash = default(HashCode);
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }

    private static Ed25519FieldElement Reduce(UInt128 r0, UInt128 r1, UInt128 r2, UInt128 r3, UInt128 r4)
    {
        unchecked
        {
            r1 += r0 >> 51;
            r2 += r1 >> 51;
            r3 += r2 >> 51;
            r4 += r3 >> 51;

            // r4 < 2^108, so c < 2^57 and c * 19 < 2^62.
            var c = (ulong)(r4 >> 51);
            return Carry(((ulong)r0 & Mask) + (c * 19), (ulong)r1 & Mask, (ulong)r2 & Mask, (ulong)r3 & Mask, (ulong)r4 & Mask);
        }
    }

    private static Ed25519FieldElement Carry(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        unchecked
        {
            l1 += l0 >> 51;
            l0 &= Mask;
            l2 += l1 >> 51;
            l1 &= Mask;
            l3 += l2 >> 51;
            l2 &= Mask;
            l4 += l3 >> 51;
            l3 &= Mask;
            l0 += 19 * (l4 >> 51);
            l4 &= Mask;
            return new Ed25519FieldElement(l0, l1, l2, l3, l4);
        }
    }
}
