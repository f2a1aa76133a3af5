using Mfa.Core.Policy;

namespace Mfa.Core.Service;

/// <summary>The MFA status a directory admin sees for one user.</summary>
public sealed record MfaUserStatus
{
    /// <summary>The user.</summary>
    public required string UserId { get; init; }

    /// <summary>The effective requirement (per-user setting, else the default).</summary>
    public required MfaRequirement Requirement { get; init; }

    /// <summary>Whether the requirement comes from a per-user setting rather than the default.</summary>
    public required bool RequirementIsUserSpecific { get; init; }

    /// <summary>The user's state.</summary>
    public required MfaUserState State { get; init; }

    /// <summary>The distinct factor kinds the user has enrolled.</summary>
    public required IReadOnlyList<string> EnrolledFactors { get; init; }

    /// <summary>The user's authenticators.</summary>
    public required IReadOnlyList<AuthenticatorInfo> Authenticators { get; init; }

    /// <summary>The last successful MFA use by any authenticator.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>When the enrollment grace period ends (for users who must enroll).</summary>
    public DateTimeOffset? GracePeriodEndsAt { get; init; }

    /// <summary>Whether attempts are throttled right now.</summary>
    public required bool IsLockedOut { get; init; }

    /// <summary>How long until attempts are accepted again, when throttled.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The ids of authenticators locked after too many consecutive failures (until an admin unlocks them).</summary>
    public required IReadOnlyList<string> HardLockedAuthenticators { get; init; }

    /// <summary>How many unused recovery codes remain.</summary>
    public required int RecoveryCodesRemaining { get; init; }
}
