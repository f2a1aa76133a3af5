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

    /// <summary>Parks a verification that an event stream reached, for the browser's next request to claim once.</summary>
    public Task SetSignInClaimAsync(string claimToken, Endpoints.MfaVerified verified, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        SetAsync(
            "mfa:claim:" + claimToken,
            [verified.UserId, verified.Kind, verified.AuthenticatorId ?? string.Empty, string.Join(' ', verified.Amr), verified.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)],
            expiresAt,
            cancellationToken);

    /// <summary>Takes (reads and removes) a parked verification; <see langword="null"/> when unknown, expired or already taken.</summary>
    public async Task<Endpoints.MfaVerified?> TakeSignInClaimAsync(string claimToken, CancellationToken cancellationToken)
    {
        var key = "mfa:claim:" + claimToken;
        var parts = await GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (parts is not [var userId, var kind, var authenticatorId, var amr, var at]
            || !long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) || milliseconds > 253_402_300_799_999L)
        {
            return null;
        }

        await cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        return new Endpoints.MfaVerified(userId, kind, authenticatorId.Length == 0 ? null : authenticatorId, amr.Split(' ', StringSplitOptions.RemoveEmptyEntries), DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));
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
