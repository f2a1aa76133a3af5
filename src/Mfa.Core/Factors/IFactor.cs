namespace Mfa.Core.Factors;

/// <summary>
/// One authentication factor: enrollment and challenge, each in two steps (begin, complete). A factor is a pure function
/// of (context, state, request): it never reads or writes a store.
/// </summary>
/// <remarks>
/// Hosts call factors through <see cref="Service.IMfaService"/>, which owns each pending step's life cycle (begun →
/// answered → consumed, or expired; see <c>docs/challenge-lifecycle.md</c>): it mints the id, binds the step to the user,
/// factor, authenticator and purpose, keeps the factor's opaque state, applies policy and lockout, and applies what a
/// result asks to be changed (a replay-guard step, an updated record) together with the write-back.
/// A factor never throws because input was wrong, of another factor's type, or its state unreadable: it returns a
/// failed result.
/// </remarks>
public interface IFactor
{
    /// <summary>The stable factor id (<see cref="FactorKinds"/>).</summary>
    string Kind { get; }

    /// <summary>Starts enrolling a new authenticator.</summary>
    /// <param name="context">The user, the enrollment id the service minted, the validated name, the time and the user's authenticators of this factor.</param>
    /// <param name="request">The factor-specific request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What to show the user, and the state to keep until completion.</returns>
    ValueTask<EnrollmentBeginResult> BeginEnrollmentAsync(EnrollmentContext context, EnrollmentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Completes an enrollment: verifies the user's response against the state from the begin step.</summary>
    /// <param name="context">The enrollment context.</param>
    /// <param name="state">The opaque state the begin step returned.</param>
    /// <param name="response">The factor-specific response.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new authenticator record (not stored: the service stores it), or a failure.</returns>
    ValueTask<EnrollmentCompleteResult> CompleteEnrollmentAsync(EnrollmentContext context, ReadOnlyMemory<byte> state, EnrollmentResponse response, CancellationToken cancellationToken = default);

    /// <summary>Starts a challenge against the user's authenticators of this factor.</summary>
    /// <param name="context">The user, the challenge id, the purpose, the time and the candidate authenticators.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What to send to the client, and the state to keep until completion.</returns>
    ValueTask<ChallengeBeginResult> BeginChallengeAsync(ChallengeContext context, ChallengeRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes a challenge: verifies the response (a code, an assertion) or, for an <see cref="IOutOfBandFactor"/>,
    /// decides from the recorded answer (<see cref="ChallengeContext.Answer"/>) whether the challenge is still pending.
    /// </summary>
    /// <param name="context">The challenge context.</param>
    /// <param name="state">The opaque state the begin step returned.</param>
    /// <param name="response">The factor-specific response.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success with the authenticator used and what to change, a failure, or (out-of-band only) pending.</returns>
    ValueTask<ChallengeCompleteResult> CompleteChallengeAsync(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeResponse response, CancellationToken cancellationToken = default);
}
