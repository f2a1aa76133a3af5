namespace Mfa.AspNetCore.Endpoints;

/// <summary>
/// Core's recent-proof rule (shared decision 1) as the web layer sees it: a change to the user's factors needs MFA in
/// this session within the maximum age; a first enrollment needs none.
/// </summary>
internal static class RecentProof
{
    /// <summary>The maximum age until Core's <c>MfaOptions.RecentVerificationMaxAge</c> is available (its default).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Whether the session lacks a recent MFA (a pending session always does).</summary>
    public static bool Missing(MfaCall call) =>
        call.Session.IsPending || call.Session.MfaTime is not { } at || call.Env.Time.GetUtcNow() - at > MaxAge;

    /// <summary>Whether an enrollment needs a recent MFA that the session lacks: only when the user already has an authenticator.</summary>
    public static async Task<bool> MissingForChangeAsync(MfaCall call)
    {
        if (!Missing(call))
        {
            return false;
        }

        var existing = await call.Env.Mfa.ListAuthenticatorsAsync(call.Session.User.Id, call.Aborted).ConfigureAwait(false);
        return existing.Count > 0;
    }
}
