using System.Security.Cryptography;

namespace Mfa.Core;

/// <summary>Random identifiers in base64url form.</summary>
internal static class Base64Url
{
    public static string NewRandom(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(buffer);
        return System.Buffers.Text.Base64Url.EncodeToString(buffer);
    }

    /// <summary>Whether <paramref name="value"/> has the shape of a <see cref="NewRandom"/> id of <paramref name="bytes"/> bytes.</summary>
    public static bool IsRandomIdShape(string value, int bytes) =>
        value.Length == System.Buffers.Text.Base64Url.GetEncodedLength(bytes)
        && value.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
