using Mfa.Core.Diagnostics;

namespace Mfa.Core.Service;

/// <summary>
/// Factor changes need a recent proof: <see cref="MfaUser.LastVerifiedAt"/> within
/// <see cref="MfaOptions.RecentVerificationMaxAge"/>. A stolen or hours-old session can then neither remove the second
/// factor nor add its own; the administrative path (<see cref="IMfaAdministration"/>) is the named exception.
/// </summary>
internal sealed partial class MfaService
{
    /// <summary>
    /// Whether the user's last verification is recent. A time ahead of this server's clock (another server's skew) counts
    /// as fresh up to the same age. A refusal is logged.
    /// </summary>
    private bool HasRecentProof(MfaUser user, string operation)
    {
        if (user.LastVerifiedAt is { } at && (_time.GetUtcNow() - at).Duration() <= Options.RecentVerificationMaxAge)
        {
            return true;
        }

        MfaLog.ReauthenticationRequired(_logger, user.Id, operation);
        return false;
    }

    /// <summary>
    /// Whether the user may add a factor: a user with no usable authenticator (other than <paramref name="completing"/>, the
    /// one an enrollment retry already stored) needs no proof, since there is nothing to protect yet; anyone else does.
    /// </summary>
    private bool MayAddFactor(MfaUser user, IEnumerable<AuthenticatorRecord> records, string? completing, string operation) =>
        !records.Any(r => r.Id != completing && IsUsable(r)) || HasRecentProof(user, operation);
}
