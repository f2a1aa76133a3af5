using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>The route table (one line per route; handlers are <see cref="RequestDelegate"/>s, so nothing here needs reflection).</summary>
internal static class MfaEndpointMap
{
    public static void Map(RouteGroupBuilder group, MfaAspNetCoreOptions options)
    {
        group.MapGet("/antiforgery", NotImplemented);
        group.MapGet("/status", NotImplemented);
        group.MapPost("/enrollments/{kind}/begin", NotImplemented);
        group.MapPost("/enrollments/{kind}/complete", NotImplemented);
        group.MapPost("/challenges/{kind}/begin", NotImplemented);
        group.MapPost("/challenges/{kind}/complete", NotImplemented);
        group.MapPost("/challenges/{kind}/wait", NotImplemented);
        group.MapPost("/passkey/begin", NotImplemented);
        group.MapPost("/passkey/complete", NotImplemented);
        group.MapPost("/recovery-codes", NotImplemented);
        group.MapPost("/recovery-codes/redeem", NotImplemented);
        group.MapGet("/authenticators", NotImplemented);
        group.MapPatch("/authenticators/{id}", NotImplemented);
        group.MapDelete("/authenticators/{id}", NotImplemented);
        group.MapPost("/push/v1/enroll", NotImplemented);
        group.MapGet("/push/v1/challenges/{challengeId}", NotImplemented);
        group.MapPost("/push/v1/challenges/{challengeId}/response", NotImplemented);
        group.MapGet("/duo/callback", NotImplemented);
        if (options.AdminPolicy is not null)
        {
            group.MapGet("/admin/users", NotImplemented);
        }
    }

    private static Task NotImplemented(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status501NotImplemented;
        return Task.CompletedTask;
    }
}
