using System.Diagnostics.CodeAnalysis;
using Mfa.Core.Factors;

namespace Mfa.Core.Service;

/// <summary>
/// The outcome of completing a challenge or redeeming a recovery code. A success names the user, the purpose and the
/// authenticator it proves; use <see cref="Proves"/> before acting on it.
/// </summary>
public sealed class MfaVerificationResult : MfaResult
{
    private MfaVerificationResult(MfaFailureReason reason, string? message, string userId, string kind, MfaPurpose purpose)
        : base(reason, message)
    {
        UserId = userId;
        Kind = kind;
        Purpose = purpose;
    }

    /// <summary>Whether the verification succeeded.</summary>
    [MemberNotNullWhen(true, nameof(AuthenticatorId))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The user the result is about.</summary>
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

    /// <summary>The factor's own result (for example the TOTP time step and drift); cast to the factor's type.</summary>
    public ChallengeCompleteResult? Details { get; private init; }

    /// <summary>Whether this is a success for exactly this user and purpose.</summary>
    /// <param name="userId">The user the host is acting for.</param>
    /// <param name="purpose">The purpose the host is acting for.</param>
    /// <returns><see langword="true"/> only for a success bound to both.</returns>
    public bool Proves(string userId, MfaPurpose purpose) =>
        Succeeded && string.Equals(UserId, userId, StringComparison.Ordinal) && Purpose == purpose;

    internal static MfaVerificationResult Success(string userId, string kind, MfaPurpose purpose, string authenticatorId, string? challengeId, DateTimeOffset at, ChallengeCompleteResult? details) =>
        new(MfaFailureReason.None, null, userId, kind, purpose) { AuthenticatorId = authenticatorId, ChallengeId = challengeId, VerifiedAt = at, Details = details };

    internal static MfaVerificationResult Failure(string userId, string kind, MfaPurpose purpose, MfaFailureReason reason, string? message = null, string? challengeId = null, TimeSpan? retryAfter = null, ChallengeCompleteResult? details = null) =>
        new(reason, message, userId, kind, purpose) { ChallengeId = challengeId, RetryAfter = retryAfter, Details = details };
}
