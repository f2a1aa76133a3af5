using System.Diagnostics.CodeAnalysis;
using Mfa.Core.Factors;

namespace Mfa.Core.Service;

/// <summary>The result of beginning a challenge: its id, expiry and what to send the client, typed by the request.</summary>
/// <typeparam name="TPrompt">The factor's prompt type (<see cref="ChallengePrompt"/> for code factors).</typeparam>
public sealed class MfaChallengeStart<TPrompt> : MfaResult
    where TPrompt : ChallengePrompt
{
    private MfaChallengeStart(MfaFailureReason reason, string? message, string? challengeId, DateTimeOffset expiresAt, TPrompt? prompt, TimeSpan? retryAfter)
        : base(reason, message)
    {
        ChallengeId = challengeId;
        ExpiresAt = expiresAt;
        Prompt = prompt;
        RetryAfter = retryAfter;
    }

    /// <summary>Whether the challenge was begun.</summary>
    [MemberNotNullWhen(true, nameof(ChallengeId), nameof(Prompt))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The pending challenge id to complete it with.</summary>
    public string? ChallengeId { get; }

    /// <summary>When the challenge expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>What to send the client (WebAuthn request options, a number to match, nothing for a code).</summary>
    public TPrompt? Prompt { get; }

    /// <summary>When locked out or rate limited: how long to wait, or <see langword="null"/> when an admin must unlock.</summary>
    public TimeSpan? RetryAfter { get; }

    internal static MfaChallengeStart<TPrompt> Success(string challengeId, DateTimeOffset expiresAt, TPrompt prompt) => new(MfaFailureReason.None, null, challengeId, expiresAt, prompt, null);

    internal static MfaChallengeStart<TPrompt> Failure(MfaFailureReason reason, string? message = null, TimeSpan? retryAfter = null) => new(reason, message, null, default, null, retryAfter);
}
