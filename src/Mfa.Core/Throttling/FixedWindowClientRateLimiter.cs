using Microsoft.Extensions.Options;

namespace Mfa.Core.Throttling;

/// <summary>
/// The default <see cref="IMfaClientRateLimiter"/>: at most <see cref="MfaOptions.AnonymousBeginsPerMinute"/> begins per
/// client key per minute, counted in this process (a fleet should back the hook with a shared limiter). Memory is bounded:
/// the table is cleared when the window turns.
/// </summary>
internal sealed class FixedWindowClientRateLimiter(IOptions<MfaOptions> options, TimeProvider time) : IMfaClientRateLimiter
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private long _window = -1;

    public ValueTask<MfaRateLimitDecision> TryAcquireAsync(string? clientKey, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var window = now.ToUnixTimeMilliseconds() / (long)s_window.TotalMilliseconds;
        var key = clientKey ?? string.Empty;
        lock (_gate)
        {
            if (window != _window)
            {
                _counts.Clear();
                _window = window;
            }

            var count = _counts.GetValueOrDefault(key);
            if (count >= options.Value.AnonymousBeginsPerMinute)
            {
                var retry = TimeSpan.FromMilliseconds(((window + 1) * (long)s_window.TotalMilliseconds) - now.ToUnixTimeMilliseconds());
                return ValueTask.FromResult(new MfaRateLimitDecision(false, retry));
            }

            _counts[key] = count + 1;
            return ValueTask.FromResult(MfaRateLimitDecision.Allow);
        }
    }
}
