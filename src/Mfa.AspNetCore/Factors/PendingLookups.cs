using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mfa.Core.Storage;
using Microsoft.Extensions.Caching.Distributed;

namespace Mfa.AspNetCore.Factors;

/// <summary>
/// Short-lived lookups the browser flow leaves for a request that arrives without a session: the push enrollment
/// (enrollment id → the user who began it) and the Duo redirect (challenge id → purpose and return URL). Kept in the
/// host's <see cref="IDistributedCache"/> (a shared one when several app servers answer).
/// </summary>
internal sealed class PendingLookups(IDistributedCache cache, IAttemptCounterStore counters, TimeProvider time)
{
    private const char Separator = '\n';

    /// <summary>Longer than a parked claim lives (2 minutes), so a taken token stays taken while it could be read.</summary>
    private static readonly TimeSpan s_claimTakenWindow = TimeSpan.FromMinutes(5);

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

    /// <summary>
    /// Takes a parked verification for <paramref name="userId"/>'s <paramref name="kind"/> challenge exactly once:
    /// <see langword="null"/> when unknown, expired, another user's or factor's, or already taken. The first take is
    /// decided by an atomic counter in Core's attempt-counter store (the cache's read-then-remove is not atomic across
    /// concurrent requests or app servers); a refused mismatch takes nothing.
    /// </summary>
    public async Task<Endpoints.MfaVerified?> TakeSignInClaimAsync(string claimToken, string userId, string kind, CancellationToken cancellationToken)
    {
        var key = "mfa:claim:" + claimToken;
        var parts = await GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (parts is not [var claimUserId, var claimKind, var authenticatorId, var amr, var at]
            || !string.Equals(claimUserId, userId, StringComparison.Ordinal)
            || !string.Equals(claimKind, kind, StringComparison.Ordinal)
            || !long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) || milliseconds > 253_402_300_799_999L)
        {
            return null;
        }

        var taken = await counters.IncrementAsync(ClaimTakenKey(claimToken), time.GetUtcNow(), s_claimTakenWindow, cancellationToken).ConfigureAwait(false);
        if (taken.Count != 1)
        {
            return null;
        }

        await cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        return new Endpoints.MfaVerified(claimUserId, claimKind, authenticatorId.Length == 0 ? null : authenticatorId, amr.Split(' ', StringSplitOptions.RemoveEmptyEntries), DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));
    }

    /// <summary>A fixed-length counter key (the token comes from the request).</summary>
    private static string ClaimTakenKey(string claimToken) =>
        "mfa:claim-taken:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(claimToken)));

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
