namespace Mfa.Core.Storage;

/// <summary>Failure counters for throttling and lockout, incremented atomically across app servers.</summary>
public interface IAttemptCounterStore
{
    /// <summary>
    /// Atomically adds one failure. With a <paramref name="window"/>, a counter whose window started at or before
    /// <c>now - window</c> restarts at 1 from <paramref name="now"/>.
    /// </summary>
    /// <param name="key">The counter key.</param>
    /// <param name="now">The current time.</param>
    /// <param name="window">The counting window, or <see langword="null"/> for a counter that only a reset clears.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The counter after the increment.</returns>
    Task<AttemptCounter> IncrementAsync(string key, DateTimeOffset now, TimeSpan? window, CancellationToken cancellationToken = default);

    /// <summary>Reads a counter.</summary>
    /// <param name="key">The counter key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The counter (zero when absent).</returns>
    Task<AttemptCounter> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Clears a counter.</summary>
    /// <param name="key">The counter key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task ResetAsync(string key, CancellationToken cancellationToken = default);
}
