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
}
