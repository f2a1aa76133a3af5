using Polly;
using Polly.Retry;

namespace Mfa.Push.Transports.Retry;

/// <summary>
/// Wraps a transport with retries (Polly.Core): exponential back-off with jitter for
/// <see cref="PushSendOutcome.TransientError"/> and <see cref="PushSendOutcome.RateLimited"/>, the service's
/// <c>Retry-After</c> when it gives one, never a retry for an invalid address or a configuration error, and never a
/// wait past the message's time to live (a late wake-up is useless: the device pulls anyway).
/// </summary>
internal sealed class RetryingPushTransport : IPushTransport
{
    private static readonly ResiliencePropertyKey<DateTimeOffset> s_deadline = new("Mfa.Push.Deadline");

    private readonly IPushTransport _inner;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<PushSendResult> _pipeline;

    public RetryingPushTransport(IPushTransport inner, PushRetryOptions options, TimeProvider time)
    {
        _inner = inner;
        _time = time;
        var maxRetryAfter = options.MaxRetryAfter;
        var builder = new ResiliencePipelineBuilder<PushSendResult> { TimeProvider = time };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<PushSendResult>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                UseJitter = options.UseJitter,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Result, args.Context, maxRetryAfter)),
                DelayGenerator = static args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
            });
        }

        _pipeline = builder.Build();
    }

    public PushAddressKind Kind => _inner.Kind;

    public async ValueTask<PushSendResult> SendAsync(PushAddress address, PushMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(message);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(s_deadline, _time.GetUtcNow() + message.TimeToLive);
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Inner.SendAsync(state.Address, state.Message, ctx.CancellationToken),
                context,
                (Inner: _inner, Address: address, Message: message)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private bool ShouldRetry(PushSendResult? result, ResilienceContext context, TimeSpan maxRetryAfter)
    {
        if (result is not { Outcome: PushSendOutcome.TransientError or PushSendOutcome.RateLimited })
        {
            return false;
        }

        var deadline = context.Properties.GetValue(s_deadline, DateTimeOffset.MaxValue);
        var now = _time.GetUtcNow();
        if (now >= deadline)
        {
            return false;
        }

        return result.RetryAfter is not { } retryAfter || (retryAfter <= maxRetryAfter && now + retryAfter < deadline);
    }
}
