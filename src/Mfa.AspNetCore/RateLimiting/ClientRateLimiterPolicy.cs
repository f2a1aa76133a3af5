using System.Threading.RateLimiting;
using Mfa.AspNetCore.Endpoints;
using Mfa.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Mfa.AspNetCore.RateLimiting;

/// <summary>A fixed window per client address (System.Threading.RateLimiting keeps its own clock); a refusal is a <c>429</c> problem with <see cref="MfaFailureReason.RateLimited"/>.</summary>
internal sealed class ClientRateLimiterPolicy(Func<MfaRateLimit> limit) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = static async (context, _) =>
    {
        TimeSpan? retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
        await MfaProblems.WriteAsync(context.HttpContext, MfaFailureReason.RateLimited, retryAfter).ConfigureAwait(false);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var key = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var current = limit();
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = current.PermitLimit,
            Window = current.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
