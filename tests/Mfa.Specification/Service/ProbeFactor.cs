using System.Security.Cryptography;
using Mfa.Core;
using Mfa.Core.Factors;

namespace Mfa.Specification.Service;

/// <summary>
/// A minimal factor for store tests: a challenge's state is a random nonce, and answering with that nonce succeeds.
/// It exercises the pending-challenge path of <see cref="Mfa.Core.Service.IMfaService"/> (consume once, lockout) without a real ceremony.
/// </summary>
public sealed class ProbeFactor(TimeProvider time) : IFactor
{
    /// <summary>The factor kind.</summary>
    public const string FactorKind = "probe";

    public string Kind => FactorKind;

    public ValueTask<EnrollmentBeginResult> BeginEnrollmentAsync(MfaUser user, EnrollmentRequest request, IReadOnlyList<AuthenticatorRecord> existing, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new EnrollmentBeginResult(new byte[] { 1 }));

    public ValueTask<EnrollmentCompleteResult> CompleteEnrollmentAsync(MfaUser user, ReadOnlyMemory<byte> state, EnrollmentResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var record = new AuthenticatorRecord
        {
            Id = AuthenticatorRecord.NewId(),
            UserId = user.Id,
            Kind = FactorKind,
            Name = "Probe",
            Data = "{}",
            CreatedAt = time.GetUtcNow(),
        };
        return ValueTask.FromResult(new EnrollmentCompleteResult(record));
    }

    public ValueTask<ChallengeBeginResult> BeginChallengeAsync(MfaUser user, IReadOnlyList<AuthenticatorRecord> authenticators, ChallengeRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<ChallengeBeginResult>(new ProbeChallengeBegun(RandomNumberGenerator.GetBytes(16)));

    public ValueTask<ChallengeCompleteResult> CompleteChallengeAsync(MfaUser user, IReadOnlyList<AuthenticatorRecord> authenticators, ReadOnlyMemory<byte> state, ChallengeResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authenticators);
        var answered = response is ProbeChallengeResponse probe && CryptographicOperations.FixedTimeEquals(probe.Answer.Span, state.Span);
        return ValueTask.FromResult(answered
            ? new ChallengeCompleteResult(authenticators[0])
            : ChallengeCompleteResult.Failure(MfaFailureReason.InvalidCode, authenticator: authenticators[0]));
    }
}
