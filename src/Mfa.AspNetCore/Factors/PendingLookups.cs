using System.Globalization;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;

namespace Mfa.AspNetCore.Factors;

/// <summary>
/// Short-lived lookups the browser flow leaves for a request that arrives without a session: the push enrollment
/// (enrollment id → the user who began it) and the Duo redirect (challenge id → purpose and return URL). Kept in the
/// host's <see cref="IDistributedCache"/> (a shared one when several app servers answer).
/// </summary>
internal sealed class PendingLookups(IDistributedCache cache, TimeProvider time)
{
    private const char Separator = '\n';

    public Task SetPushEnrollmentAsync(string enrollmentId, string userId, string displayName, DateTimeOffset? mfaTime, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        SetAsync("mfa:push-enroll:" + enrollmentId, [userId, displayName, mfaTime?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) ?? string.Empty], expiresAt, cancellationToken);

    public async Task<(string UserId, string DisplayName, DateTimeOffset? MfaTime)?> GetPushEnrollmentAsync(string enrollmentId, CancellationToken cancellationToken)
    {
        var parts = await GetAsync("mfa:push-enroll:" + enrollmentId, cancellationToken).ConfigureAwait(false);
        if (parts is not [var userId, var displayName, var time])
        {
            return null;
        }

        DateTimeOffset? mfaTime = long.TryParse(time, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 253_402_300_799L
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
        return (userId, displayName, mfaTime);
    }

    public Task SetDuoRedirectAsync(string challengeId, string purpose, string? returnUrl, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        SetAsync("mfa:duo:" + challengeId, [purpose, returnUrl ?? string.Empty], expiresAt, cancellationToken);

    public async Task<(string Purpose, string? ReturnUrl)?> GetDuoRedirectAsync(string challengeId, CancellationToken cancellationToken)
    {
        var parts = await GetAsync("mfa:duo:" + challengeId, cancellationToken).ConfigureAwait(false);
        return parts is [var purpose, var returnUrl] ? (purpose, returnUrl.Length == 0 ? null : returnUrl) : null;
    }

    private Task SetAsync(string key, string[] parts, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var value = Encoding.UTF8.GetBytes(string.Join(Separator, parts));

        // Relative: the cache keeps its own clock, which need not be the service's TimeProvider.
        var lifetime = expiresAt - time.GetUtcNow();
        var entry = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime > TimeSpan.Zero ? lifetime : TimeSpan.FromSeconds(1) };
        return cache.SetAsync(key, value, entry, cancellationToken);
    }

    private async Task<string[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var value = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return value is null ? null : Encoding.UTF8.GetString(value).Split(Separator);
    }
}
