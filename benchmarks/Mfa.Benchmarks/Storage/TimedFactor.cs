using Mfa.Core.Factors;

namespace Mfa.Benchmarks.Storage;

/// <summary>
/// A factor with its challenge steps timed (the breakdown mode). It exposes only <see cref="IFactor"/>: enough for the
/// TOTP and WebAuthn sign-ins the benchmark runs (no discoverable, out-of-band or counter flow).
/// </summary>
internal sealed class TimedFactor(IFactor inner, StepTimings timings) : IFactor
{
    public string Kind => inner.Kind;

    public ValueTask<EnrollmentBeginResult> BeginEnrollmentAsync(EnrollmentContext context, EnrollmentRequest request, CancellationToken cancellationToken = default) =>
        inner.BeginEnrollmentAsync(context, request, cancellationToken);

    public ValueTask<EnrollmentCompleteResult> CompleteEnrollmentAsync(EnrollmentContext context, ReadOnlyMemory<byte> state, EnrollmentResponse response, CancellationToken cancellationToken = default) =>
        inner.CompleteEnrollmentAsync(context, state, response, cancellationToken);

    public async ValueTask<ChallengeBeginResult> BeginChallengeAsync(ChallengeContext context, ChallengeRequest request, CancellationToken cancellationToken = default) =>
        await timings.TimeAsync(StepTimings.FactorBegin, () => inner.BeginChallengeAsync(context, request, cancellationToken).AsTask());

    public async ValueTask<ChallengeCompleteResult> CompleteChallengeAsync(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeResponse response, CancellationToken cancellationToken = default) =>
        await timings.TimeAsync(StepTimings.FactorComplete, () => inner.CompleteChallengeAsync(context, state, response, cancellationToken).AsTask());
}
