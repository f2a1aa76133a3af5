using System.Diagnostics.CodeAnalysis;
using Mfa.Core.Factors;

namespace Mfa.Core.Service;

/// <summary>The result of beginning a challenge: its id, expiry and the factor's client data.</summary>
public sealed class MfaChallengeStart : MfaResult
{
    private MfaChallengeStart(MfaFailureReason reason, string? message, string? challengeId, DateTimeOffset expiresAt, ChallengeBeginResult? details, TimeSpan? retryAfter)
        : base(reason, message)
    {
        ChallengeId = challengeId;
        ExpiresAt = expiresAt;
        Details = details;
        RetryAfter = retryAfter;
    }

    /// <summary>Whether the challenge was begun.</summary>
    [MemberNotNullWhen(true, nameof(ChallengeId), nameof(Details))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The pending challenge id to complete it with.</summary>
    public string? ChallengeId { get; }

    /// <summary>When the challenge expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The factor's result (for example WebAuthn request options); cast to the factor's type.</summary>
    public ChallengeBeginResult? Details { get; }

    /// <summary>When locked out: how long to wait, or <see langword="null"/> when an admin must unlock.</summary>
    public TimeSpan? RetryAfter { get; }

    internal static MfaChallengeStart Success(string challengeId, DateTimeOffset expiresAt, ChallengeBeginResult details) => new(MfaFailureReason.None, null, challengeId, expiresAt, details, null);

    internal static MfaChallengeStart Failure(MfaFailureReason reason, string? message = null, TimeSpan? retryAfter = null) => new(reason, message, null, default, null, retryAfter);
}
