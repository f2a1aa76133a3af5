namespace Mfa.Core.Factors;

/// <summary>
/// A factor that can begin a challenge before the user is known and identify the user from the response (a passkey
/// sign-in without a username). The service then applies everything a normal challenge gets: the user's throttle and
/// lockout, the authenticator's hard lock, policy, events, metrics and traces.
/// </summary>
public interface IDiscoverableFactor : IFactor
{
    /// <summary>Begins a challenge that any of this factor's discoverable credentials may answer.</summary>
    /// <param name="context">The challenge id, purpose and time (no user, no authenticators).</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What to send to the client, and the state to keep until completion.</returns>
    ValueTask<ChallengeBeginResult> BeginDiscoverableChallengeAsync(DiscoverableChallengeContext context, ChallengeRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads which credential answered (<see cref="AuthenticatorRecord.CredentialId"/>) from a response, without verifying it.
    /// The service looks the credential up, then calls <see cref="IFactor.CompleteChallengeAsync"/> with its owner.
    /// </summary>
    /// <param name="state">The challenge's opaque state.</param>
    /// <param name="response">The response as received.</param>
    /// <returns>The credential id, or a failure (malformed input).</returns>
    CredentialIdentification IdentifyCredential(ReadOnlyMemory<byte> state, ChallengeResponse response);
}
