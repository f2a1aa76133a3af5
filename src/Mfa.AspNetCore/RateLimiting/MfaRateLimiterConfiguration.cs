using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Mfa.AspNetCore.RateLimiting;

/// <summary>Adds the two per-client policies to the host's rate limiter.</summary>
internal sealed class MfaRateLimiterConfiguration(IOptions<MfaAspNetCoreOptions> options) : IConfigureOptions<RateLimiterOptions>
{
    public void Configure(RateLimiterOptions limiter)
    {
        limiter.AddPolicy(MfaRateLimitPolicies.PasskeySignIn, new ClientRateLimiterPolicy(() => options.Value.PasskeySignInRateLimit));
        limiter.AddPolicy(MfaRateLimitPolicies.Device, new ClientRateLimiterPolicy(() => options.Value.DeviceRateLimit));
    }
}
