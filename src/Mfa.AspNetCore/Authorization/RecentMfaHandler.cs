using Mfa.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Mfa.AspNetCore.Authorization;

/// <summary>Succeeds a <see cref="RecentMfaRequirement"/> from the <c>amr</c> and <c>mfa_time</c> claims.</summary>
internal sealed class RecentMfaHandler(TimeProvider time) : AuthorizationHandler<RecentMfaRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RecentMfaRequirement requirement)
    {
        var verifiedAt = MfaClaims.GetMfaTime(context.User);
        if (verifiedAt is { } at && (requirement.MaxAge is not { } maxAge || time.GetUtcNow() - at <= maxAge))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
