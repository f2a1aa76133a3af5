using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Mfa.Push.Tests.Transports.Fakes;

/// <summary>What a push service checks of a VAPID authorization (RFC 8292 §2 and §4.2).</summary>
internal static class VapidVerifier
{
    public static VapidCheck VerifyHeader(string? authorization, Uri pushResource, DateTimeOffset now, byte[]? restrictedKey = null)
    {
        // RFC 8292 §3: Authorization: vapid t=<JWT>, k=<key>
        if (authorization is null || !authorization.StartsWith("vapid ", StringComparison.Ordinal))
        {
            return VapidCheck.Malformed;
        }

        string? token = null, key = null;
        foreach (var part in authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal))
            {
                token = part[2..];
            }
            else if (part.StartsWith("k=", StringComparison.Ordinal))
            {
                key = part[2..];
            }
        }

        if (token is null || key is null)
        {
            return VapidCheck.Malformed;
        }

        var keyBytes = System.Buffers.Text.Base64Url.DecodeFromChars(key);
        if (restrictedKey is not null && !CryptographicOperations.FixedTimeEquals(keyBytes, restrictedKey))
        {
            return VapidCheck.WrongKey;
        }

        return Verify(token, keyBytes, pushResource, now);
    }

    public static VapidCheck Verify(string jwt, byte[] publicKey, Uri pushResource, DateTimeOffset now)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3 || publicKey.Length != 65 || publicKey[0] != 4)
        {
            return VapidCheck.Malformed;
        }

        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = publicKey[1..33], Y = publicKey[33..] },
        });
        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]);
        if (signature.Length != 64 || !key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256))
        {
            return VapidCheck.BadSignature;
        }

        using var header = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0]));
        using var claims = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        if (header.RootElement.GetProperty("alg").GetString() != "ES256")
        {
            return VapidCheck.Malformed;
        }

        var root = claims.RootElement;
        var origin = pushResource.GetLeftPart(UriPartial.Authority);
        if (!root.TryGetProperty("aud", out var aud) || aud.GetString() != origin)
        {
            return VapidCheck.WrongAudience;
        }

        var exp = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64());
        if (now > exp)
        {
            return VapidCheck.Expired;
        }

        if (exp - now > TimeSpan.FromHours(24))
        {
            return VapidCheck.TooFarAhead;
        }

        return root.TryGetProperty("sub", out var sub) && sub.GetString() is { } s && (s.StartsWith("mailto:", StringComparison.Ordinal) || s.StartsWith("https:", StringComparison.Ordinal))
            ? VapidCheck.Valid
            : VapidCheck.MissingSubject;
    }
}
