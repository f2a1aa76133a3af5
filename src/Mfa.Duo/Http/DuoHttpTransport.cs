using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Mfa.Duo.Http;

/// <summary>
/// Sends requests to Duo through the named <see cref="HttpClientName"/> client and turns every outcome into a
/// <see cref="DuoHttpResponse"/>: per-attempt timeouts, bounded reads, content-type checks, and retries (Polly.Core) for the
/// calls the caller marks safe (never <c>/auth/v2/auth</c>).
/// </summary>
internal sealed class DuoHttpTransport
{
    /// <summary>The name of the <see cref="HttpClient"/> Mfa.Duo takes from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "Mfa.Duo";

    private readonly IHttpClientFactory _clients;
    private readonly DuoOptions _options;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<DuoHttpResponse> _retry;

    public DuoHttpTransport(IHttpClientFactory clients, IOptions<DuoOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _options = options.Value;
        _time = time;
        _retry = _options.MaxRetries == 0
            ? ResiliencePipeline<DuoHttpResponse>.Empty
            : new ResiliencePipelineBuilder<DuoHttpResponse> { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions<DuoHttpResponse>
                {
                    MaxRetryAttempts = _options.MaxRetries,
                    Delay = _options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result is { } r && DuoFailures.IsUnavailable(r.Failure)),
                    DelayGenerator = static args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                })
                .Build();
    }

    /// <summary>The base address of the API: https, or http for a loopback emulator when the test-only switch allows it.</summary>
    public Uri BaseAddress => new((_options.AllowInsecureLoopbackHttp ? "http://" : "https://") + _options.ApiHost + "/");

    /// <summary>Sends the request built by <paramref name="build"/> (once per attempt).</summary>
    /// <param name="build">Builds a fresh request.</param>
    /// <param name="safeToRetry">Whether the call may be repeated (reads and the health check only).</param>
    /// <param name="timeout">The per-attempt time limit.</param>
    /// <param name="cancellationToken">Cancels the call; the only exception that escapes.</param>
    public async Task<DuoHttpResponse> SendAsync(Func<HttpRequestMessage> build, bool safeToRetry, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!safeToRetry)
        {
            return await SendOnceAsync(build, timeout, cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            return await _retry.ExecuteAsync(
                static async (ctx, state) => await state.Self.SendOnceAsync(state.Build, state.Timeout, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Self: this, Build: build, Timeout: timeout)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<DuoHttpResponse> SendOnceAsync(Func<HttpRequestMessage> build, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        using var request = build();
        var client = _clients.CreateClient(HttpClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            return await ReadAsync(response, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DuoHttpResponse.Failed(DuoFailureKind.Timeout);
        }
        catch (HttpRequestException)
        {
            return DuoHttpResponse.Failed(DuoFailureKind.Unreachable);
        }
        catch (IOException)
        {
            return DuoHttpResponse.Failed(DuoFailureKind.Unreachable);
        }
    }

    private async Task<DuoHttpResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        if ((int)status >= 500)
        {
            return DuoHttpResponse.Failed(DuoFailureKind.ServerError, status);
        }

        if (status == HttpStatusCode.TooManyRequests)
        {
            return DuoHttpResponse.Failed(DuoFailureKind.RateLimited, status, RetryAfter(response.Headers.RetryAfter));
        }

        if ((int)status is >= 300 and < 400)
        {
            // Duo never redirects API calls; the named client does not follow redirects.
            return DuoHttpResponse.Failed(DuoFailureKind.Rejected, status);
        }

        var limit = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > limit)
        {
            return DuoHttpResponse.Failed(DuoFailureKind.ResponseTooLarge, status);
        }

        if (!IsJson(response.Content.Headers.ContentType))
        {
            return DuoHttpResponse.Failed(DuoFailureKind.WrongContentType, status);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[limit + 1];
            var total = 0;
            while (total < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return total > limit
                ? DuoHttpResponse.Failed(DuoFailureKind.ResponseTooLarge, status)
                : DuoHttpResponse.Json(status, buffer.AsSpan(0, total).ToArray());
        }
    }

    private static bool IsJson(MediaTypeHeaderValue? contentType) =>
        contentType?.MediaType is { } media && string.Equals(media, "application/json", StringComparison.OrdinalIgnoreCase);

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        var max = TimeSpan.FromSeconds(60);
        if (header?.Delta is { } delta)
        {
            return delta < max ? delta : max;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < max ? wait : max;
        }

        return null;
    }
}
