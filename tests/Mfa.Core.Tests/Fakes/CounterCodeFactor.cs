using Mfa.Core.Factors;

namespace Mfa.Core.Tests.Fakes;

/// <summary>A <see cref="CodeFactor"/> (kind <c>counter</c>) that declares itself an <see cref="ICounterFactor"/>.</summary>
public sealed class CounterCodeFactor(CodeFactor inner) : ICounterFactor
{
    public const string FactorKind = "counter";

    public CodeFactor Inner { get; } = inner;

    public string Kind => Inner.Kind;

    public ValueTask<EnrollmentBeginResult> BeginEnrollmentAsync(EnrollmentContext context, EnrollmentRequest request, CancellationToken cancellationToken = default) =>
        Inner.BeginEnrollmentAsync(context, request, cancellationToken);

    public ValueTask<EnrollmentCompleteResult> CompleteEnrollmentAsync(EnrollmentContext context, ReadOnlyMemory<byte> state, EnrollmentResponse response, CancellationToken cancellationToken = default) =>
        Inner.CompleteEnrollmentAsync(context, state, response, cancellationToken);

    public ValueTask<ChallengeBeginResult> BeginChallengeAsync(ChallengeContext context, ChallengeRequest request, CancellationToken cancellationToken = default) =>
        Inner.BeginChallengeAsync(context, request, cancellationToken);

    public ValueTask<ChallengeCompleteResult> CompleteChallengeAsync(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeResponse response, CancellationToken cancellationToken = default) =>
        Inner.CompleteChallengeAsync(context, state, response, cancellationToken);
}
