using Mfa.Core.Factors;

namespace Mfa.Core.Service;

/// <summary>
/// The orchestrator a host talks to: status, enrollment, challenges with any enrolled factor, authenticator management,
/// recovery codes and admin controls. It applies policy and lockout, binds every pending step to the user, factor,
/// authenticator and purpose it was begun for, and consumes it at most once.
/// </summary>
/// <remarks>Nothing a user or attacker sends makes these methods throw: failures are results. A store fault is
/// <see cref="MfaFailureReason.StoreUnavailable"/> from every method that returns a result, and
/// <see cref="Storage.MfaStoreException"/> from the queries (<see cref="GetStatusAsync"/>, <see cref="ListAuthenticatorsAsync"/>).
/// The life cycle of a pending challenge is described in <c>docs/challenge-lifecycle.md</c>.</remarks>
public interface IMfaService
{
    /// <summary>The user's MFA status (requirement, state, enrolled factors, last use, lockout).</summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The status.</returns>
    Task<MfaUserStatus> GetStatusAsync(MfaUser user, CancellationToken cancellationToken = default);

    /// <summary>Lists the user's authenticators (no secrets).</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The authenticators, oldest first.</returns>
    Task<IReadOnlyList<AuthenticatorInfo>> ListAuthenticatorsAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Begins enrolling a new authenticator. The name is checked (<see cref="AuthenticatorNames"/>) before anything is stored.
    /// A user who already has an active authenticator needs a recent proof (<see cref="MfaUser.LastVerifiedAt"/>); a first
    /// enrollment does not.
    /// </summary>
    /// <typeparam name="TPrompt">What the factor shows the user, fixed by the request type (no casts).</typeparam>
    /// <param name="user">The user.</param>
    /// <param name="request">The factor-specific request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The pending enrollment and what to show the user.</returns>
    Task<MfaEnrollmentStart<TPrompt>> BeginEnrollmentAsync<TPrompt>(MfaUser user, EnrollmentRequest<TPrompt> request, CancellationToken cancellationToken = default)
        where TPrompt : EnrollmentPrompt;

    /// <summary>
    /// Completes an enrollment. A failed attempt leaves it pending (until it expires); a success consumes it. The recent-proof rule of <see cref="BeginEnrollmentAsync"/> applies again.
    /// </summary>
    /// <param name="user">The user (must be the one the enrollment was begun for).</param>
    /// <param name="enrollmentId">The id from <see cref="BeginEnrollmentAsync"/>.</param>
    /// <param name="response">The factor-specific response.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new authenticator, or a failure.</returns>
    Task<MfaOperationResult> CompleteEnrollmentAsync(MfaUser user, string enrollmentId, EnrollmentResponse response, CancellationToken cancellationToken = default);

    /// <summary>
    /// Imports an authenticator registered elsewhere (a legacy U2F key with its AppID) through a factor that implements
    /// <see cref="IImportingFactor"/>. The name is checked; a duplicate is refused. The recent-proof rule of
    /// <see cref="BeginEnrollmentAsync"/> applies.
    /// </summary>
    /// <param name="user">The owner.</param>
    /// <param name="import">The factor-specific import.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The imported authenticator, or a failure.</returns>
    Task<MfaOperationResult> ImportAuthenticatorAsync(MfaUser user, AuthenticatorImport import, CancellationToken cancellationToken = default);

    /// <summary>Begins a challenge with one of the user's factors (a code factor: nothing to show but the code field).</summary>
    /// <param name="user">The user.</param>
    /// <param name="request">Which factor (and optionally authenticator), and the purpose.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The pending challenge.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The typed and untyped begin both take an optional CancellationToken last, as every async API here.")]
    Task<MfaChallengeStart<ChallengePrompt>> BeginChallengeAsync(MfaUser user, ChallengeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Begins a challenge with one of the user's factors; the prompt is typed by the request.</summary>
    /// <typeparam name="TPrompt">What the factor sends the client (WebAuthn request options, a number to match, …).</typeparam>
    /// <param name="user">The user.</param>
    /// <param name="request">Which factor (and optionally authenticator), and the purpose.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The pending challenge and what to send the client.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The typed and untyped begin both take an optional CancellationToken last, as every async API here.")]
    Task<MfaChallengeStart<TPrompt>> BeginChallengeAsync<TPrompt>(MfaUser user, ChallengeRequest<TPrompt> request, CancellationToken cancellationToken = default)
        where TPrompt : ChallengePrompt;

    /// <summary>
    /// Completes a challenge. Code and WebAuthn challenges are consumed by the first attempt, successful or not.
    /// Out-of-band challenges (push, Duo) return a pending result until their answer arrives; a poll consumes nothing and
    /// counts no attempt, and the first terminal outcome consumes the challenge exactly once. Completing a challenge for
    /// another user, factor or purpose fails without consuming it.
    /// </summary>
    /// <param name="user">The user.</param>
    /// <param name="challengeId">The id from <see cref="BeginChallengeAsync"/>.</param>
    /// <param name="purpose">The purpose the host is completing it for.</param>
    /// <param name="response">The factor-specific response.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The verification result (possibly pending).</returns>
    Task<MfaVerificationResult> CompleteChallengeAsync(MfaUser user, string challengeId, MfaPurpose purpose, ChallengeResponse response, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the answer of the party an out-of-band challenge was sent to (a push device). There is no user argument:
    /// the factor authenticates the answering party (a device signature). At most one answer is ever recorded.
    /// </summary>
    /// <param name="challengeId">The challenge id (carried by the notification).</param>
    /// <param name="answer">The answer as received.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Recorded, or why not (unknown, expired, already answered, a forged answer).</returns>
    Task<MfaAnswerResult> AnswerChallengeAsync(string challengeId, ChallengeAnswer answer, CancellationToken cancellationToken = default);

    /// <summary>
    /// Begins a challenge before the user is known (a passkey sign-in without a username). The client key (for example
    /// the remote address) goes to the <see cref="Throttling.IMfaClientRateLimiter"/> the host configures.
    /// </summary>
    /// <typeparam name="TPrompt">What the factor sends the client.</typeparam>
    /// <param name="request">The factor (one that implements <see cref="IDiscoverableFactor"/>) and the purpose.</param>
    /// <param name="clientKey">Who is asking, for per-client rate limiting; <see langword="null"/> if unknown.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The pending challenge and what to send the client.</returns>
    Task<MfaChallengeStart<TPrompt>> BeginDiscoverableChallengeAsync<TPrompt>(ChallengeRequest<TPrompt> request, string? clientKey, CancellationToken cancellationToken = default)
        where TPrompt : ChallengePrompt;

    /// <summary>
    /// Completes a challenge begun without a user: identifies the user from the response's credential, then applies what
    /// any challenge gets (the user's throttle and lockout, the authenticator's hard lock, policy, events, metrics).
    /// Consumed by the first attempt.
    /// </summary>
    /// <param name="challengeId">The id from <see cref="BeginDiscoverableChallengeAsync"/>.</param>
    /// <param name="purpose">The purpose the host is completing it for.</param>
    /// <param name="response">The factor-specific response.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The verification result; on success <see cref="MfaVerificationResult.UserId"/> is the user who signed in.</returns>
    Task<MfaVerificationResult> CompleteDiscoverableChallengeAsync(string challengeId, MfaPurpose purpose, ChallengeResponse response, CancellationToken cancellationToken = default);

    /// <summary>Renames one of the user's own authenticators (a factor change: needs a recent proof).</summary>
    /// <param name="user">The owner, with <see cref="MfaUser.LastVerifiedAt"/> within <see cref="MfaOptions.RecentVerificationMaxAge"/>.</param>
    /// <param name="authenticatorId">The authenticator.</param>
    /// <param name="name">The new name (1 to 64 characters, no control or invisible formatting characters).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The renamed authenticator, or a failure (<see cref="MfaFailureReason.ReauthenticationRequired"/> without a recent proof).</returns>
    Task<MfaOperationResult> RenameAuthenticatorAsync(MfaUser user, string authenticatorId, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes one of the user's own authenticators (a factor change: needs a recent proof). Removing the last usable one of
    /// a user who must use MFA is refused (<see cref="MfaFailureReason.LastAuthenticator"/>); only
    /// <see cref="Administration"/> can force it.
    /// </summary>
    /// <param name="user">The owner, with <see cref="MfaUser.LastVerifiedAt"/> within <see cref="MfaOptions.RecentVerificationMaxAge"/>.</param>
    /// <param name="authenticatorId">The authenticator.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The removed authenticator, or a failure (<see cref="MfaFailureReason.ReauthenticationRequired"/> without a recent proof).</returns>
    Task<MfaOperationResult> RemoveAuthenticatorAsync(MfaUser user, string authenticatorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Generates a new set of recovery codes; the old set stops working. A factor change: once the user has an
    /// authenticator or recovery codes, it needs a recent proof.
    /// </summary>
    /// <param name="user">The user, with <see cref="MfaUser.LastVerifiedAt"/> within <see cref="MfaOptions.RecentVerificationMaxAge"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The codes, to show once, or a failure (<see cref="MfaFailureReason.ReauthenticationRequired"/> without a recent proof).</returns>
    Task<RecoveryCodesResult> GenerateRecoveryCodesAsync(MfaUser user, CancellationToken cancellationToken = default);

    /// <summary>Redeems one recovery code (each works once, even when redeemed concurrently).</summary>
    /// <param name="user">The user.</param>
    /// <param name="code">The code as typed (case, spaces and hyphens are ignored).</param>
    /// <param name="purpose">What the code is redeemed for.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The verification result.</returns>
    Task<MfaVerificationResult> RedeemRecoveryCodeAsync(MfaUser user, string code, MfaPurpose purpose, CancellationToken cancellationToken = default);

    /// <summary>The administrative path: changes made for a user without their recent proof, each with its own event.</summary>
    IMfaAdministration Administration { get; }
}
