namespace Mfa.Core.Factors;

/// <summary>
/// A factor whose challenges a third party answers (a push device, Duo): the answer arrives through
/// <see cref="Service.IMfaService.AnswerChallengeAsync"/> while the sign-in page polls
/// <see cref="Service.IMfaService.CompleteChallengeAsync"/>, which returns a pending result until an answer is recorded.
/// </summary>
/// <remarks>
/// The service records at most one answer per challenge, atomically; polling never consumes the challenge nor counts an
/// attempt; the first terminal outcome consumes it exactly once.
/// </remarks>
public interface IOutOfBandFactor : IFactor
{
    /// <summary>
    /// Authenticates the answering party (for example a device signature over the challenge) and returns what the service
    /// records as the challenge's answer. No user is claimed by the caller: the factor checks the answer against the
    /// challenge's state and candidate authenticators.
    /// </summary>
    /// <param name="context">The challenge context (user, id, purpose, time, candidate authenticators).</param>
    /// <param name="state">The challenge's opaque state.</param>
    /// <param name="answer">The answer as received.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The verified answer to record, or a failure (which records nothing).</returns>
    ValueTask<ChallengeAnswerResult> VerifyAnswerAsync(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeAnswer answer, CancellationToken cancellationToken = default);
}
