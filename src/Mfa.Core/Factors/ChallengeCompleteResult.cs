using System.Diagnostics.CodeAnalysis;

namespace Mfa.Core.Factors;

/// <summary>
/// A factor's answer to a challenge complete step: success (with the authenticator used and what the service must change
/// atomically), a failure, or — out-of-band factors only — pending.
/// </summary>
public sealed class ChallengeCompleteResult : MfaResult
{
    private ChallengeCompleteResult(MfaFailureReason reason, string? message, AuthenticatorRecord? authenticator, bool pending)
        : base(reason, message, pending) => Authenticator = authenticator;

    /// <summary>Whether the challenge succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Authenticator))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The authenticator that answered (always on success; on failure when known, for lockout accounting).</summary>
    public AuthenticatorRecord? Authenticator { get; }

    /// <summary>
    /// On success: the authenticator's new <see cref="AuthenticatorRecord.Data"/> (a WebAuthn counter and backup state),
    /// which the service writes back guarded by the record's concurrency token; <see langword="null"/> when nothing changed.
    /// </summary>
    public string? UpdatedData { get; private init; }

    /// <summary>
    /// On success: the replay-guard steps the response matched, earliest first (a TOTP code matching more than one step
    /// of the window). The service advances the authenticator's guard to the earliest step later than the last accepted
    /// one, atomically; when none is later, the outcome is <see cref="MfaFailureReason.Replayed"/>.
    /// </summary>
    public IReadOnlyList<long> ReplaySteps { get; private init; } = [];

    /// <summary>What is safe to show about the verification (drift, user verification, the answer).</summary>
    public VerificationDetails? Details { get; private init; }

    /// <summary>
    /// On a failure no single authenticator can be blamed for (a code checked against each of several TOTP apps), the
    /// authenticators it was checked against: each counts a consecutive failure toward its hard lock.
    /// </summary>
    public IReadOnlyList<AuthenticatorRecord> AttemptedAuthenticators { get; private init; } = [];

    /// <summary>Pending only: how long the caller should wait before polling again.</summary>
    public TimeSpan? PollInterval { get; private init; }

    /// <summary>A verified response.</summary>
    /// <param name="authenticator">The authenticator that answered (one of the context's candidates).</param>
    /// <param name="details">What is safe to show about it.</param>
    /// <returns>The result; set <see cref="UpdatedData"/> or <see cref="ReplaySteps"/> for state to change.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027", Justification = "The short overload is the common case; the long one names every state change explicitly.")]
    public static ChallengeCompleteResult Verified(AuthenticatorRecord authenticator, VerificationDetails? details = null) =>
        Verified(authenticator, details, updatedData: null, replaySteps: null);

    /// <summary>A verified response that changes state the service applies atomically with the write-back.</summary>
    /// <param name="authenticator">The authenticator that answered (one of the context's candidates).</param>
    /// <param name="details">What is safe to show about it.</param>
    /// <param name="updatedData">The authenticator's new data (<see cref="UpdatedData"/>), or <see langword="null"/>.</param>
    /// <param name="replaySteps">The replay-guard steps matched (<see cref="ReplaySteps"/>), or <see langword="null"/>.</param>
    /// <returns>The result.</returns>
    public static ChallengeCompleteResult Verified(AuthenticatorRecord authenticator, VerificationDetails? details, string? updatedData, IReadOnlyList<long>? replaySteps)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        return new(MfaFailureReason.None, null, authenticator, pending: false) { Details = details, UpdatedData = updatedData, ReplaySteps = replaySteps ?? [] };
    }

    /// <summary>Out-of-band factors: no answer yet. Nothing is consumed and no attempt is counted.</summary>
    /// <param name="pollInterval">When to poll again.</param>
    /// <returns>The result.</returns>
    public static ChallengeCompleteResult Pending(TimeSpan pollInterval) => new(MfaFailureReason.None, null, null, pending: true) { PollInterval = pollInterval };

    /// <summary>A failure.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="message">A secret-free message.</param>
    /// <param name="authenticator">The authenticator tried, if known.</param>
    /// <param name="attempted">When no single authenticator can be named: those the attempt was checked against.</param>
    /// <returns>The result.</returns>
    public static ChallengeCompleteResult Failure(MfaFailureReason reason, string? message = null, AuthenticatorRecord? authenticator = null, IReadOnlyList<AuthenticatorRecord>? attempted = null) =>
        new(reason, message, authenticator, pending: false) { AttemptedAuthenticators = attempted ?? [] };
}
