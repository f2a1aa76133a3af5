namespace Mfa.Core.Storage;

/// <summary>
/// Where a pending challenge is in its life cycle (see <c>docs/challenge-lifecycle.md</c>):
/// begun ─answer (out-of-band)→ answered ─complete→ consumed; begun ─complete (codes, WebAuthn: consume first)→ consumed;
/// begun or answered ─expiry→ expired.
/// </summary>
public enum PendingChallengeState
{
    /// <summary>Created, not answered, not consumed, not expired.</summary>
    Begun = 0,

    /// <summary>An out-of-band answer was recorded; waiting for the page to complete it.</summary>
    Answered = 1,

    /// <summary>Completed (successfully or not): terminal.</summary>
    Consumed = 2,

    /// <summary>Past its expiry and not consumed: terminal.</summary>
    Expired = 3,
}
