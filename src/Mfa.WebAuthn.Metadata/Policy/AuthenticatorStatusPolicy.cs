using Mfa.WebAuthn.Metadata.Entries;

namespace Mfa.WebAuthn.Metadata.Policy;

/// <summary>Which authenticator models a relying party accepts, judged on their metadata status reports (MDS3 §3.2 step 8).</summary>
/// <remarks>
/// A model is refused when <em>any</em> of its status reports has a refused status: a compromise report stays relevant
/// even when a later report (for example FIDO_CERTIFIED for new firmware) follows, because the registering device's
/// firmware version is not known. Models the metadata does not list are not judged here.
/// </remarks>
public sealed class AuthenticatorStatusPolicy
{
    /// <summary>The statuses refused by default: REVOKED, USER_VERIFICATION_BYPASS, ATTESTATION_KEY_COMPROMISE, USER_KEY_REMOTE_COMPROMISE, USER_KEY_PHYSICAL_COMPROMISE.</summary>
    public static IReadOnlyList<AuthenticatorStatus> DefaultRefusedStatuses { get; } =
    [
        AuthenticatorStatus.Revoked,
        AuthenticatorStatus.UserVerificationBypass,
        AuthenticatorStatus.AttestationKeyCompromise,
        AuthenticatorStatus.UserKeyRemoteCompromise,
        AuthenticatorStatus.UserKeyPhysicalCompromise,
    ];

    /// <summary>The statuses that refuse a model.</summary>
    /// <value>Default <see cref="DefaultRefusedStatuses"/>.</value>
    public IReadOnlyCollection<AuthenticatorStatus> RefusedStatuses { get; set; } = DefaultRefusedStatuses;

    /// <summary>Whether a model must be FIDO certified (any FIDO_CERTIFIED* report); a model without one is refused as NOT_FIDO_CERTIFIED.</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool RequireFidoCertified { get; set; }

    /// <summary>The lowest certification level accepted (for example <see cref="AuthenticatorStatus.FidoCertifiedL2"/>); implies certification.</summary>
    /// <value>Default <see langword="null"/>: any level, or none unless <see cref="RequireFidoCertified"/>.</value>
    public AuthenticatorStatus? MinimumCertificationLevel { get; set; }

    /// <summary>Judges a model.</summary>
    /// <param name="entry">The model's metadata entry.</param>
    /// <returns><see langword="null"/> when accepted; otherwise the MDS3 name of the status that refuses it (<c>REVOKED</c>, <c>NOT_FIDO_CERTIFIED</c>, <c>FIDO_CERTIFIED_L1</c> below a required L2…).</returns>
    public string? GetRefusedStatus(MetadataEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var refused = entry.StatusReports.FirstOrDefault(r => RefusedStatuses.Contains(r.Status));
        if (refused is not null)
        {
            return refused.StatusName;
        }

        var certification = entry.CertificationStatus;
        if (MinimumCertificationLevel is { } minimum
            && (certification is null || AuthenticatorStatusNames.CertificationRank(certification.Value) < AuthenticatorStatusNames.CertificationRank(minimum)))
        {
            return certification is { } below ? AuthenticatorStatusNames.ToName(below) : AuthenticatorStatusNames.ToName(AuthenticatorStatus.NotFidoCertified);
        }

        return RequireFidoCertified && certification is null ? AuthenticatorStatusNames.ToName(AuthenticatorStatus.NotFidoCertified) : null;
    }
}
