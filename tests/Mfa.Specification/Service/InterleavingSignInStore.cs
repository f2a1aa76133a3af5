using Mfa.Core.Storage;

namespace Mfa.Specification.Service;

/// <summary>
/// Runs another caller's operation at a chosen point of this server's sign-in: once, just before its write-back, after
/// it read the record. That makes "the other one wrote first" a deterministic interleaving instead of a race to win.
/// </summary>
public sealed class InterleavingSignInStore(ISignInStore inner) : ISignInStore
{
    private Func<Task>? _beforeNextWriteBack;

    /// <summary>Runs <paramref name="action"/> before the next write-back, once.</summary>
    /// <param name="action">The other caller's operation.</param>
    public void BeforeNextWriteBack(Func<Task> action) => _beforeNextWriteBack = action;

    public Task<SignInCandidates> ReadCandidatesAsync(string userId, string factorKind, SignInCounterKeys keys, CancellationToken cancellationToken = default) =>
        inner.ReadCandidatesAsync(userId, factorKind, keys, cancellationToken);

    public Task<SignInAdmission> AdmitAndConsumeAsync(SignInAttempt attempt, CancellationToken cancellationToken = default) =>
        inner.AdmitAndConsumeAsync(attempt, cancellationToken);

    public async Task<SignInWriteBack> ApplySuccessAsync(SignInSuccess success, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _beforeNextWriteBack, null) is { } action)
        {
            await action();
        }

        return await inner.ApplySuccessAsync(success, cancellationToken);
    }
}
