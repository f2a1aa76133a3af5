using System.Globalization;
using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Policy;
using Mfa.Core.Service;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>
/// The admin endpoints, behind the host's <see cref="MfaAspNetCoreOptions.AdminPolicy"/>: users with requirement,
/// factors (WebAuthn kinds told apart), last use and lockout; requirement, unlock, rename and delete (forced or not).
/// </summary>
internal static class AdminEndpoints
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;

    public static Task ListUsersAsync(HttpContext context) =>
        ListAsync(context, static (admin, after, limit, ct) => admin.ListUsersAsync(after, limit, ct));

    public static Task ListLockedOutAsync(HttpContext context) =>
        ListAsync(context, static (admin, after, limit, ct) => admin.ListLockedOutUsersAsync(after, limit, ct));

    private static async Task ListAsync(HttpContext context, Func<IMfaAdministration, string?, int, CancellationToken, Task<MfaUserPage>> list)
    {
        if (await StartAsync(context, readBody: false).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        if (ReadPage(context) is not { } page)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        var result = await list(call.Env.Mfa.Administration, page.After, page.Limit, call.Aborted).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            await MfaProblems.WriteAsync(context, result).ConfigureAwait(false);
            return;
        }

        var users = new List<(MfaUserStatus, IReadOnlyDictionary<string, string>)>(result.Users.Count);
        foreach (var status in result.Users)
        {
            users.Add((status, await AuthenticatorJson.LoadTypesAsync(call.Env.Authenticators, status.UserId, call.Aborted).ConfigureAwait(false)));
        }

        await WritePageAsync(context, users, result.Next).ConfigureAwait(false);
    }

    public static async Task GetUserAsync(HttpContext context)
    {
        if (await StartAsync(context, readBody: false).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        if (UserId(context) is not { } userId)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        await WriteUserAsync(call, userId).ConfigureAwait(false);
    }

    public static async Task SetRequirementAsync(HttpContext context)
    {
        if (await StartAsync(context, readBody: true).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        if (UserId(context) is not { } userId)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        if (!call.Body.TryGetProperty("requirement", out var value))
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        MfaRequirement? requirement;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                requirement = null;
                break;
            case JsonValueKind.String when value.GetString() == "required":
                requirement = MfaRequirement.Required;
                break;
            case JsonValueKind.String when value.GetString() == "optional":
                requirement = MfaRequirement.Optional;
                break;
            default:
                await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
                return;
        }

        await call.Env.Mfa.Administration.SetRequirementAsync(userId, requirement, call.Aborted).ConfigureAwait(false);
        await WriteUserAsync(call, userId).ConfigureAwait(false);
    }

    public static async Task UnlockAsync(HttpContext context)
    {
        if (await StartAsync(context, readBody: false).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        if (UserId(context) is not { } userId)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        await call.Env.Mfa.Administration.UnlockAsync(userId, call.Aborted).ConfigureAwait(false);
        await WriteUserAsync(call, userId).ConfigureAwait(false);
    }

    public static async Task RenameAuthenticatorAsync(HttpContext context)
    {
        if (await StartAsync(context, readBody: true).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        if (UserId(context) is not { } userId)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        var id = context.Request.RouteValues["id"] as string;
        var name = call.Body.String("name");
        if (string.IsNullOrEmpty(id) || name is null)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        var result = await call.Env.Mfa.Administration.RenameAuthenticatorAsync(userId, id, name, call.Aborted).ConfigureAwait(false);
        await UserEndpoints.WriteOperationAsync(call, result, userId, withLockedOut: false).ConfigureAwait(false);
    }

    /// <summary>Deletes; removing the last authenticator of a user who must use MFA is refused (<c>LastAuthenticator</c>) unless <c>?force=true</c>.</summary>
    public static async Task RemoveAuthenticatorAsync(HttpContext context)
    {
        if (await StartAsync(context, readBody: false).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        if (UserId(context) is not { } userId)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        var id = context.Request.RouteValues["id"] as string;
        var forceText = context.Request.Query["force"].ToString();
        if (string.IsNullOrEmpty(id) || forceText is not ("" or "true" or "false"))
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        var types = await AuthenticatorJson.LoadTypesAsync(call.Env.Authenticators, userId, call.Aborted).ConfigureAwait(false);
        var result = await call.Env.Mfa.Administration.RemoveAuthenticatorAsync(userId, id, force: forceText == "true", call.Aborted).ConfigureAwait(false);
        await UserEndpoints.WriteOperationAsync(call, result, userId, withLockedOut: true, types).ConfigureAwait(false);
    }

    /// <summary>Antiforgery, a session, and the admin policy (a refusal is a <c>403</c> problem, <c>Forbidden</c>).</summary>
    private static async Task<MfaCall?> StartAsync(HttpContext context, bool readBody)
    {
        if (await MfaCall.StartAsync(context, allowPending: false, readBody).ConfigureAwait(false) is not { } call)
        {
            return null;
        }

        var policy = call.Env.Options.AdminPolicy;
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        if (policy is null || !(await authorization.AuthorizeAsync(call.Session.Principal, policy).ConfigureAwait(false)).Succeeded)
        {
            await call.FailAsync(MfaFailureReason.Forbidden).ConfigureAwait(false);
            return null;
        }

        return call;
    }

    private static string? UserId(HttpContext context) =>
        context.Request.RouteValues["userId"] is string { Length: > 0 and <= MfaUser.MaxIdLength } id && Core.Factors.AuthenticatorNames.IsWellFormed(id) ? id : null;

    private static (string? After, int Limit)? ReadPage(HttpContext context)
    {
        var after = context.Request.Query["after"].ToString();
        var limitText = context.Request.Query["limit"].ToString();
        var limit = DefaultLimit;
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return null;
        }

        return (after.Length == 0 ? null : after, limit);
    }

    private static async Task<(MfaUserStatus Status, IReadOnlyDictionary<string, string> Types)> LoadAsync(MfaCall call, string userId)
    {
        var status = await call.Env.Mfa.GetStatusAsync(new MfaUser(userId, userId), call.Aborted).ConfigureAwait(false);
        var types = await AuthenticatorJson.LoadTypesAsync(call.Env.Authenticators, userId, call.Aborted).ConfigureAwait(false);
        return (status, types);
    }

    private static async Task WriteUserAsync(MfaCall call, string userId)
    {
        var (status, types) = await LoadAsync(call, userId).ConfigureAwait(false);
        await JsonReply.OkAsync(call.Http, json =>
        {
            json.WriteStartObject();
            AuthenticatorJson.WriteStatusMembers(json, status, types, withHardLocks: true);
            json.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static Task WritePageAsync(HttpContext context, List<(MfaUserStatus Status, IReadOnlyDictionary<string, string> Types)> users, string? next) =>
        JsonReply.OkAsync(context, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("users");
            foreach (var (status, types) in users)
            {
                json.WriteStartObject();
                AuthenticatorJson.WriteStatusMembers(json, status, types, withHardLocks: true);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteOptional("next", next);
            json.WriteEndObject();
        });
}
