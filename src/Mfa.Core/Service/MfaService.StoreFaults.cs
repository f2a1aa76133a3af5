using Mfa.Core.Diagnostics;
using Mfa.Core.Storage;

namespace Mfa.Core.Service;

/// <summary>
/// Store faults at the entry boundary: each public method that returns a result runs its body through
/// <see cref="GuardedAsync{T}"/>, so a <see cref="MfaStoreException"/> from any store call becomes
/// <see cref="MfaFailureReason.StoreUnavailable"/> (never success, never a wrong code) and an event.
/// </summary>
/// <remarks>
/// Nothing is half-written by the mapping itself: every consume is a single conditional statement, and a multi-row
/// change (completing an enrollment) is one store transaction, so a fault leaves the state from before or after it.
/// </remarks>
internal sealed partial class MfaService
{
    private async Task<T> GuardedAsync<T>(string? userId, Func<Task<T>> operation, Func<MfaFailureReason, T> failure)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (MfaStoreException exception)
        {
            // The driver's exception type only: its message may name hosts or statement data.
            MfaLog.StoreUnavailable(_logger, userId ?? "(not yet known)", exception.InnerException?.GetType().Name ?? nameof(MfaStoreException));
            return failure(MfaFailureReason.StoreUnavailable);
        }
    }

    /// <summary>
    /// Bookkeeping after the deciding write (a redeemed code, a consumed challenge) committed: the outcome stands, so a store
    /// fault here is logged and the fallback used instead of turning a real success into a failure.
    /// </summary>
    private async Task<T> AfterDecisionAsync<T>(string userId, Func<Task<T>> bookkeeping, T fallback)
    {
        try
        {
            return await bookkeeping().ConfigureAwait(false);
        }
        catch (MfaStoreException exception)
        {
            MfaLog.StoreUnavailable(_logger, userId, exception.InnerException?.GetType().Name ?? nameof(MfaStoreException));
            return fallback;
        }
    }
}
