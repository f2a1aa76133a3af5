using Mfa.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>The route table (one line per route; handlers are <see cref="RequestDelegate"/>s, so nothing here needs reflection).</summary>
internal static class MfaEndpointMap
{
    public static void Map(RouteGroupBuilder group, MfaAspNetCoreOptions options, bool serveSelfTest)
    {
        if (serveSelfTest)
        {
            group.MapGet("/self-test", SelfTestEndpoint.HandleAsync);
        }

        group.MapGet("/antiforgery", UserEndpoints.AntiforgeryTokenAsync);
        group.MapGet("/status", UserEndpoints.StatusAsync);
        group.MapPost("/enrollments/{kind}/begin", UserEndpoints.BeginEnrollmentAsync);
        group.MapPost("/enrollments/{kind}/complete", UserEndpoints.CompleteEnrollmentAsync);
        group.MapPost("/enrollments/{kind}/import", UserEndpoints.ImportAsync);
        group.MapPost("/challenges/{kind}/begin", UserEndpoints.BeginChallengeAsync);
        group.MapPost("/challenges/{kind}/complete", UserEndpoints.CompleteChallengeAsync);
        group.MapPost("/challenges/{kind}/wait", UserEndpoints.WaitAsync);
        group.MapGet("/challenges/{kind}/{challengeId}/events", EventStreamEndpoint.HandleAsync);
        group.MapPost("/challenges/{kind}/claim", EventStreamEndpoint.ClaimAsync);
        group.MapPost("/passkey/begin", PasskeyEndpoints.BeginAsync).RequireRateLimiting(MfaRateLimitPolicies.PasskeySignIn);
        group.MapPost("/passkey/complete", PasskeyEndpoints.CompleteAsync).RequireRateLimiting(MfaRateLimitPolicies.PasskeySignIn);
        group.MapPost("/recovery-codes", UserEndpoints.GenerateRecoveryCodesAsync);
        group.MapPost("/recovery-codes/redeem", UserEndpoints.RedeemRecoveryCodeAsync);
        group.MapGet("/authenticators", UserEndpoints.ListAuthenticatorsAsync);
        group.MapPatch("/authenticators/{id}", UserEndpoints.RenameAuthenticatorAsync);
        group.MapDelete("/authenticators/{id}", UserEndpoints.RemoveAuthenticatorAsync);
        group.MapPost("/push/v1/enroll", DeviceEndpoints.EnrollAsync).RequireRateLimiting(MfaRateLimitPolicies.Device);
        group.MapGet("/push/v1/challenges", DeviceEndpoints.PullAsync).RequireRateLimiting(MfaRateLimitPolicies.Device);
        group.MapPost("/push/v1/device/push-address", DeviceEndpoints.UpdateAddressAsync).RequireRateLimiting(MfaRateLimitPolicies.Device);
        group.MapGet("/push/v1/challenges/{challengeId}", DeviceEndpoints.FetchChallengeAsync).RequireRateLimiting(MfaRateLimitPolicies.Device);
        group.MapPost("/push/v1/challenges/{challengeId}/response", DeviceEndpoints.AnswerAsync).RequireRateLimiting(MfaRateLimitPolicies.Device);
        group.MapGet("/duo/callback", DuoCallbackEndpoint.HandleAsync);
        if (options.AdminPolicy is not null)
        {
            group.MapGet("/admin/users", AdminEndpoints.ListUsersAsync);
            group.MapGet("/admin/users/locked-out", AdminEndpoints.ListLockedOutAsync);
            group.MapGet("/admin/users/{userId}", AdminEndpoints.GetUserAsync);
            group.MapPut("/admin/users/{userId}/requirement", AdminEndpoints.SetRequirementAsync);
            group.MapPost("/admin/users/{userId}/unlock", AdminEndpoints.UnlockAsync);
            group.MapPatch("/admin/users/{userId}/authenticators/{id}", AdminEndpoints.RenameAuthenticatorAsync);
            group.MapDelete("/admin/users/{userId}/authenticators/{id}", AdminEndpoints.RemoveAuthenticatorAsync);
        }
    }
}
