using System.Diagnostics.CodeAnalysis;
using Mfa.Core;

namespace Mfa.Push.Challenges;

/// <summary>A new push challenge (push spec §4): the state to keep, the number for the login page, and the notifications to send.</summary>
public sealed class PushChallengeResult : MfaResult
{
    private PushChallengeResult(MfaFailureReason reason)
        : base(reason, null)
    {
    }

    /// <summary>Whether a challenge was created.</summary>
    [MemberNotNullWhen(true, nameof(State))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The challenge as issued.</summary>
    public PushChallengeState? State { get; private init; }

    /// <summary>The number to show large on the login page; <see langword="null"/> when number matching is off.</summary>
    public string? DisplayNumber => State?.DisplayNumber;

    /// <summary>When the answer window closes.</summary>
    public DateTimeOffset? ExpiresAt => State?.ExpiresAt;

    /// <summary>The notifications to send, one per device with a working address (poll-only devices pull).</summary>
    /// <remarks>The challenge does not depend on delivery: a failed send never fails the challenge (push spec §10).</remarks>
    public IReadOnlyList<PushNotification> Notifications { get; private init; } = [];

    internal static PushChallengeResult Success(PushChallengeState state, IReadOnlyList<PushNotification> notifications) =>
        new(MfaFailureReason.None) { State = state, Notifications = notifications };

    internal static PushChallengeResult Failure(MfaFailureReason reason) => new(reason);
}
