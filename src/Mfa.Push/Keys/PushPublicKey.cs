using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mfa.Push.Jose;

namespace Mfa.Push.Keys;

/// <summary>A device's or the verifier's P-256 public key, as a JWK <c>{"kty":"EC","crv":"P-256","x":…,"y":…}</c> (push spec §2).</summary>
/// <remarks>Every instance is a point on the curve: the constructor paths check it and refuse JWKs with a private part.</remarks>
[JsonConverter(typeof(PushPublicKeyJsonConverter))]
public sealed class PushPublicKey : IEquatable<PushPublicKey>
{
    private const int CoordinateSize = 32;

    private PushPublicKey(byte[] x, byte[] y)
    {
        X = Base64UrlStrict.Encode(x);
        Y = Base64UrlStrict.Encode(y);
        Span<byte> point = stackalloc byte[1 + (2 * CoordinateSize)];
        point[0] = 0x04;
        x.CopyTo(point[1..]);
        y.CopyTo(point[(1 + CoordinateSize)..]);
        UncompressedPoint = Base64UrlStrict.Encode(point);

        // RFC 7638 §3.2: the required members in lexicographic order, no whitespace.
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{X}\",\"y\":\"{Y}\"}}";
        Thumbprint = Base64UrlStrict.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(canonical)));
    }

    /// <summary>The x coordinate, base64url (32 octets).</summary>
    public string X { get; }

    /// <summary>The y coordinate, base64url (32 octets).</summary>
    public string Y { get; }

    /// <summary>The RFC 7638 JWK thumbprint (SHA-256, base64url): the spec's <c>jkt</c>.</summary>
    public string Thumbprint { get; }

    /// <summary>The X9.62 uncompressed point (65 octets, leading 0x04), base64url.</summary>
    public string UncompressedPoint { get; }

    /// <summary>Reads a public JWK from its JSON text.</summary>
    /// <param name="json">The JWK.</param>
    /// <param name="key">The key, when the JWK is a valid P-256 public key without a private part.</param>
    /// <returns>Whether the JWK is a valid P-256 public key.</returns>
    public static bool TryParseJwk(string json, [NotNullWhen(true)] out PushPublicKey? key)
    {
        ArgumentNullException.ThrowIfNull(json);
        key = null;
        return StrictJson.TryParseObject(json, out var root) && TryFromJwk(root, out key);
    }

    /// <summary>Creates a key from its base64url coordinates (as stored).</summary>
    /// <param name="x">The x coordinate, base64url.</param>
    /// <param name="y">The y coordinate, base64url.</param>
    /// <param name="key">The key, when the point is on P-256.</param>
    /// <returns>Whether the coordinates are a point on P-256.</returns>
    public static bool TryCreate(string x, string y, [NotNullWhen(true)] out PushPublicKey? key)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        key = null;
        if (!Base64UrlStrict.TryDecode(x, out var xBytes) || !Base64UrlStrict.TryDecode(y, out var yBytes)
            || xBytes.Length != CoordinateSize || yBytes.Length != CoordinateSize)
        {
            return false;
        }

        try
        {
            // Push spec §2: ImportParameters refuses a point that is not on the curve.
            using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = xBytes, Y = yBytes } });
        }
        catch (CryptographicException)
        {
            return false;
        }

        key = new PushPublicKey(xBytes, yBytes);
        return true;
    }

    /// <summary>The public key of <paramref name="key"/>, which must be on P-256.</summary>
    /// <param name="key">A P-256 key.</param>
    /// <returns>Its public key.</returns>
    public static PushPublicKey FromECDsa(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parameters = key.ExportParameters(includePrivateParameters: false);
        if (parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value || parameters.Q.X is not { Length: CoordinateSize } x || parameters.Q.Y is not { Length: CoordinateSize } y)
        {
            throw new ArgumentException("The key is not a P-256 key.", nameof(key));
        }

        return new PushPublicKey(x, y);
    }

    /// <summary>The DER <c>SubjectPublicKeyInfo</c> of the key (what the enrollment QR code's <c>skh</c> hashes).</summary>
    /// <returns>The DER octets.</returns>
    public byte[] ExportSubjectPublicKeyInfo()
    {
        using var ecdsa = CreateECDsa();
        return ecdsa.ExportSubjectPublicKeyInfo();
    }

    /// <summary>The JWK as compact JSON, members in the order <c>kty, crv, x, y</c>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJwkJson() => JwsWriter.JsonString(WriteMembers);

    /// <inheritdoc />
    public bool Equals(PushPublicKey? other) => other is not null && X == other.X && Y == other.Y;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PushPublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(X, Y);

    /// <inheritdoc />
    public override string ToString() => $"PushPublicKey {{ Thumbprint = {Thumbprint} }}";

    internal static bool TryFromJwk(JsonElement jwk, [NotNullWhen(true)] out PushPublicKey? key)
    {
        key = null;
        var claims = new Claims(jwk);
        return jwk.ValueKind == JsonValueKind.Object
            && !claims.Has("d")
            && claims.TryGetString("kty", out var kty) && kty == "EC"
            && claims.TryGetString("crv", out var crv) && crv == "P-256"
            && claims.TryGetString("x", out var x)
            && claims.TryGetString("y", out var y)
            && TryCreate(x, y, out key);
    }

    internal ECDsa CreateECDsa()
    {
        var parameters = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url(X), Y = Base64Url(Y) },
        };
        return ECDsa.Create(parameters);
    }

    internal void WriteJwk(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        WriteMembers(writer);
        writer.WriteEndObject();
    }

    private void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("kty", "EC");
        writer.WriteString("crv", "P-256");
        writer.WriteString("x", X);
        writer.WriteString("y", Y);
    }

    private static byte[] Base64Url(string value) => System.Buffers.Text.Base64Url.DecodeFromChars(value);
}
