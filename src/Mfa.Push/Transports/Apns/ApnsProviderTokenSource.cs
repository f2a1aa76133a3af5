using Mfa.Push.Transports.Http;

namespace Mfa.Push.Transports.Apns;

/// <summary>
/// The APNs provider authentication token (ES256 JWT, <c>{"alg","kid"}</c> / <c>{"iss","iat"}</c>; push spec §12.3):
/// one token for all requests, replaced every <see cref="ApnsOptions.ProviderTokenRefreshInterval"/> — never more often
/// than every 20 minutes (<c>TooManyProviderTokenUpdates</c>), never older than 60 (<c>ExpiredProviderToken</c>).
/// </summary>
internal sealed class ApnsProviderTokenSource(System.Security.Cryptography.ECDsa key, string keyId, string teamId, TimeSpan refreshInterval, TimeProvider time) : IDisposable
{
    /// <summary>Apple's rule: no new token sooner than 20 minutes after the last one.</summary>
    public static readonly TimeSpan MinTokenAge = TimeSpan.FromMinutes(20);

    private readonly Lock _gate = new();
    private ApnsProviderToken? _current;

    /// <summary>The token to send now.</summary>
    public ApnsProviderToken Current()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_current is null || now - _current.IssuedAt >= refreshInterval || now < _current.IssuedAt)
            {
                _current = Create(now);
            }

            return _current;
        }
    }

    /// <summary>
    /// After APNs answered <c>ExpiredProviderToken</c> for <paramref name="rejected"/>: replaces it when Apple's
    /// 20-minute rule allows, and says whether a retry can help. A token younger than 20 minutes that APNs calls
    /// expired means a skewed clock: a new one would be no better, and renewing would earn <c>TooManyProviderTokenUpdates</c>.
    /// </summary>
    public bool TryRenew(ApnsProviderToken rejected)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!ReferenceEquals(_current, rejected))
            {
                return true; // already replaced by another request
            }

            if (now - rejected.IssuedAt < MinTokenAge)
            {
                return false;
            }

            _current = Create(now);
            return true;
        }
    }

    public void Dispose() => key.Dispose();

    private ApnsProviderToken Create(DateTimeOffset now) => new(
        CompactJwt.SignEs256(
            key,
            header =>
            {
                header.WriteString("alg", "ES256");
                header.WriteString("kid", keyId);
            },
            claims =>
            {
                claims.WriteString("iss", teamId);
                claims.WriteNumber("iat", now.ToUnixTimeSeconds());
            }),
        now);
}
