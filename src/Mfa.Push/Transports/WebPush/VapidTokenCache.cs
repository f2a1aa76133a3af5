using System.Collections.Concurrent;
using Mfa.Push.Transports.Http;

namespace Mfa.Push.Transports.WebPush;

/// <summary>
/// Makes and caches VAPID tokens (RFC 8292 §2): one per push-service origin, renewed at half life so a token in use
/// always has time left, and reused meanwhile so the push service can cache its signature check (RFC 8292 §5).
/// </summary>
internal sealed class VapidTokenCache(VapidKey key, string subject, TimeSpan lifetime, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, VapidToken> _tokens = new(StringComparer.Ordinal);

    /// <summary>The <c>Authorization</c> header value for a request to <paramref name="endpoint"/>: <c>vapid t=JWT, k=KEY</c>.</summary>
    public string AuthorizationFor(Uri endpoint) => $"vapid t={TokenFor(endpoint)}, k={key.PublicKey}";

    /// <summary>The token for the endpoint's origin.</summary>
    public string TokenFor(Uri endpoint)
    {
        var audience = Origin(endpoint);
        var now = time.GetUtcNow();
        if (_tokens.TryGetValue(audience, out var cached) && now < cached.RenewAt && now >= cached.IssuedAt)
        {
            return cached.Jwt;
        }

        // Concurrent renewals make equivalent tokens; the last one stored wins, which is harmless.
        var fresh = Create(audience, now);
        _tokens[audience] = fresh;
        return fresh.Jwt;
    }

    /// <summary>RFC 8292 §2: <c>aud</c> is the origin (RFC 6454 serialization) of the push resource.</summary>
    internal static string Origin(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    private VapidToken Create(string audience, DateTimeOffset now)
    {
        // RFC 8292 §2: exp MUST NOT be more than 24 hours after the request; the validator caps the lifetime at 23 h.
        var expires = now + lifetime;
        var jwt = CompactJwt.SignEs256(
            key.SigningKey,
            header =>
            {
                header.WriteString("typ", "JWT");
                header.WriteString("alg", "ES256");
            },
            claims =>
            {
                claims.WriteString("aud", audience);
                claims.WriteNumber("exp", expires.ToUnixTimeSeconds());
                claims.WriteString("sub", subject);
            });
        return new VapidToken(jwt, now, now + (lifetime / 2));
    }

    private sealed record VapidToken(string Jwt, DateTimeOffset IssuedAt, DateTimeOffset RenewAt);
}
