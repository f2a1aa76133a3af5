using System.Diagnostics.CodeAnalysis;
using Mfa.Core.Factors;

namespace Mfa.Core.Service;

/// <summary>
/// The outcome of completing a challenge or redeeming a recovery code: a success that names the user, the purpose and
/// the authenticator it proves (check <see cref="Proves"/> before acting on it), a failure, or — out-of-band factors —
/// pending (<see cref="MfaResult.IsPending"/>: poll again after <see cref="PollInterval"/>).
/// </summary>
public sealed class MfaVerificationResult : MfaResult
{
    private MfaVerificationResult(MfaFailureReason reason, string? message, string userId, string kind, MfaPurpose purpose, bool pending = false)
        : base(reason, message, pending)
    {
        UserId = userId;
        Kind = kind;
        Purpose = purpose;
    }

    /// <summary>Whether the verification succeeded.</summary>
    [MemberNotNullWhen(true, nameof(AuthenticatorId))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The user the result is about (empty when a username-less challenge failed before its user was known).</summary>
    public string UserId { get; }

    /// <summary>The factor kind (or <c>recovery-code</c>).</summary>
    public string Kind { get; }

    /// <summary>The purpose the challenge was begun for.</summary>
    public MfaPurpose Purpose { get; }

    /// <summary>The authenticator that answered (on success).</summary>
    public string? AuthenticatorId { get; private init; }

    /// <summary>The challenge that was completed, if any.</summary>
    public string? ChallengeId { get; private init; }

    /// <summary>When the verification succeeded.</summary>
    public DateTimeOffset? VerifiedAt { get; private init; }

    /// <summary>When locked out: how long to wait, or <see langword="null"/> when an admin must unlock.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>When pending: how long to wait before polling again.</summary>
    public TimeSpan? PollInterval { get; private init; }

    /// <summary>What the factor reported that is safe to show; read it with <see cref="GetDetails{TDetails}"/>.</summary>
    public VerificationDetails? Details { get; private init; }

    /// <summary>Whether the authenticator itself verified the user (PIN or biometric), so the step alone is multi-factor.</summary>
    public bool UserVerified => Succeeded && Details is { UserVerified: true };

    /// <summary>
    /// Whether this success was let through WITHOUT a second factor being performed (Duo unreachable with failmode open,
    /// or Duo's bypass policy): the user proved nothing beyond what the host already knew.
    /// </summary>
    /// <remarks>
    /// A host must not record such a session as multi-factor (no <c>mfa</c> <c>amr</c> claim, no step-up credit); it may
    /// let the user in, as the failmode or policy the administrator chose intends. Always <see langword="false"/> for a
    /// failure or a pending result.
    /// </remarks>
    public bool Bypassed => Succeeded && Details is { Bypassed: true };

    /// <summary>The factor's details as <typeparamref name="TDetails"/>, or <see langword="null"/> when it reported none of that type.</summary>
    /// <typeparam name="TDetails">The factor's details type (for example <c>TotpVerificationDetails</c>).</typeparam>
    /// <returns>The details, or <see langword="null"/>.</returns>
    public TDetails? GetDetails<TDetails>()
        where TDetails : VerificationDetails => Details as TDetails;

    /// <summary>Whether this is a success for exactly this user and purpose.</summary>
    /// <param name="userId">The user the host is acting for.</param>
    /// <param name="purpose">The purpose the host is acting for.</param>
    /// <returns><see langword="true"/> only for a success bound to both.</returns>
    public bool Proves(string userId, MfaPurpose purpose) =>
        Succeeded && string.Equals(UserId, userId, StringComparison.Ordinal) && Purpose == purpose;

    internal static MfaVerificationResult Success(string userId, string kind, MfaPurpose purpose, string authenticatorId, string? challengeId, DateTimeOffset at, VerificationDetails? details) =>
        new(MfaFailureReason.None, null, userId, kind, purpose) { AuthenticatorId = authenticatorId, ChallengeId = challengeId, VerifiedAt = at, Details = details };

    internal static MfaVerificationResult Waiting(string userId, string kind, MfaPurpose purpose, string challengeId, TimeSpan? pollInterval) =>
        new(MfaFailureReason.None, null, userId, kind, purpose, pending: true) { ChallengeId = challengeId, PollInterval = pollInterval };

    internal static MfaVerificationResult Failure(string userId, string kind, MfaPurpose purpose, MfaFailureReason reason, string? message = null, string? challengeId = null, TimeSpan? retryAfter = null) =>
        new(reason, message, userId, kind, purpose) { ChallengeId = challengeId, RetryAfter = retryAfter };
}
