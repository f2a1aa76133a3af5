using Mfa.AspNetCore.Diagnostics;
using Mfa.Core;
using Mfa.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>
/// Wraps every MFA route: a <see cref="MfaStoreException"/> (the queries throw it where the commands return
/// <see cref="MfaFailureReason.StoreUnavailable"/>) becomes a 503 problem with that reason instead of a 500, and is logged.
/// </summary>
internal static class StoreFaultGuard
{
    /// <summary>The group convention.</summary>
    public static void Apply(EndpointBuilder endpoint)
    {
        if (endpoint.RequestDelegate is not { } inner)
        {
            return;
        }

        var route = endpoint.DisplayName ?? "MFA route";
        endpoint.RequestDelegate = async context =>
        {
            try
            {
                await inner(context).ConfigureAwait(false);
            }
            catch (MfaStoreException exception) when (!context.Response.HasStarted)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Mfa.AspNetCore");
                MfaWebLog.StoreFault(logger, exception, route);
                await MfaProblems.WriteAsync(context, MfaFailureReason.StoreUnavailable).ConfigureAwait(false);
            }
        };
    }
}
