namespace Mfa.Core.Factors;

/// <summary>
/// One authentication factor: enrollment and challenge, each in two steps (begin, complete).
/// </summary>
/// <remarks>
/// Hosts call factors through <see cref="Service.IMfaService"/>, which binds each pending step to the user, factor,
/// authenticator and purpose it was begun for, stores the factor's opaque state, consumes it once and applies lockout.
/// A factor never throws because input was wrong: it returns a failed result.
/// </remarks>
public interface IFactor
{
    /// <summary>The stable factor id (<see cref="FactorKinds"/>).</summary>
    string Kind { get; }

    /// <summary>Starts enrolling a new authenticator.</summary>
    /// <param name="user">The user enrolling.</param>
    /// <param name="request">The factor-specific request.</param>
    /// <param name="existing">The user's authenticators of this factor (for example to exclude known credentials).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What to show the user, and the state to keep until completion.</returns>
    ValueTask<EnrollmentBeginResult> BeginEnrollmentAsync(MfaUser user, EnrollmentRequest request, IReadOnlyList<AuthenticatorRecord> existing, CancellationToken cancellationToken = default);

    /// <summary>Completes an enrollment: verifies the user's response against the state from the begin step.</summary>
    /// <param name="user">The user enrolling.</param>
    /// <param name="state">The opaque state the begin step returned.</param>
    /// <param name="response">The factor-specific response.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new authenticator record, or a failure.</returns>
    ValueTask<EnrollmentCompleteResult> CompleteEnrollmentAsync(MfaUser user, ReadOnlyMemory<byte> state, EnrollmentResponse response, CancellationToken cancellationToken = default);

    /// <summary>Starts a challenge against the user's authenticators of this factor.</summary>
    /// <param name="user">The user.</param>
    /// <param name="authenticators">The authenticators the challenge may be answered with (one, or all of this factor).</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What to send to the client, and the state to keep until completion.</returns>
    ValueTask<ChallengeBeginResult> BeginChallengeAsync(MfaUser user, IReadOnlyList<AuthenticatorRecord> authenticators, ChallengeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Completes a challenge: verifies the response.</summary>
    /// <param name="user">The user.</param>
    /// <param name="authenticators">The authenticators the challenge may be answered with.</param>
    /// <param name="state">The opaque state the begin step returned.</param>
    /// <param name="response">The factor-specific response.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success with the authenticator used (and its updated record, if the factor changed it), or a failure.</returns>
    ValueTask<ChallengeCompleteResult> CompleteChallengeAsync(MfaUser user, IReadOnlyList<AuthenticatorRecord> authenticators, ReadOnlyMemory<byte> state, ChallengeResponse response, CancellationToken cancellationToken = default);
}
