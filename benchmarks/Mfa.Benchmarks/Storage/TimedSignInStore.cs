using Mfa.Core.Storage;

namespace Mfa.Benchmarks.Storage;

/// <summary>A store's <see cref="ISignInStore"/> with each call timed (the breakdown mode).</summary>
internal sealed class TimedSignInStore(ISignInStore inner, StepTimings timings) : ISignInStore
{
    public Task<SignInCandidates> ReadCandidatesAsync(string userId, string factorKind, SignInCounterKeys keys, CancellationToken cancellationToken = default) =>
        timings.TimeAsync(StepTimings.BeginRead, () => inner.ReadCandidatesAsync(userId, factorKind, keys, cancellationToken));

    public Task<SignInAdmission> AdmitAndConsumeAsync(SignInAttempt attempt, CancellationToken cancellationToken = default) =>
        timings.TimeAsync(StepTimings.Admit, () => inner.AdmitAndConsumeAsync(attempt, cancellationToken));

    public Task<SignInWriteBack> ApplySuccessAsync(SignInSuccess success, CancellationToken cancellationToken = default) =>
        timings.TimeAsync(StepTimings.WriteBack, () => inner.ApplySuccessAsync(success, cancellationToken));
}
