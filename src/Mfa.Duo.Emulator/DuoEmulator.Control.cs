using Mfa.Duo.Emulator.Scripting;
using Microsoft.AspNetCore.Http;

namespace Mfa.Duo.Emulator;

/// <summary>
/// The control API under <c>/__emulator/</c> (not Duo; spec §7), for scripts and browsers that cannot reach the object:
/// <c>POST /__emulator/users?username=…&amp;outcome=approve|deny|timeout&amp;state=active|bypass|locked|not_enrolled&amp;server_error=true|false&amp;passcode=…</c>,
/// <c>POST /__emulator/outage?mode=none|server_error|hang|rate_limited</c>, <c>GET /__emulator/requests</c>.
/// </summary>
public sealed partial class DuoEmulator
{
    private async Task HandleControlAsync(HttpContext context, string path)
    {
        var query = QueryPairs(context.Request).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        switch (path)
        {
            case "/__emulator/users" when HttpMethods.IsPost(context.Request.Method) && query.TryGetValue("username", out var username) && username.Length > 0:
                var user = FindUser(username) ?? AddUser(username);
                if (!TryApply(user, query))
                {
                    break;
                }

                await WriteOkAsync(context, w => w.WriteString("username", user.Username)).ConfigureAwait(false);
                return;
            case "/__emulator/outage" when HttpMethods.IsPost(context.Request.Method):
                DuoEmulatorOutage? outage = query.GetValueOrDefault("mode") switch
                {
                    "none" => DuoEmulatorOutage.None,
                    "server_error" => DuoEmulatorOutage.ServerError,
                    "hang" => DuoEmulatorOutage.Hang,
                    "rate_limited" => DuoEmulatorOutage.RateLimited,
                    _ => null,
                };
                if (outage is null)
                {
                    break;
                }

                Outage = outage.Value;
                await WriteOkAsync(context, w => w.WriteString("mode", query["mode"])).ConfigureAwait(false);
                return;
            case "/__emulator/requests" when HttpMethods.IsGet(context.Request.Method):
                await WriteJsonAsync(context, 200, w =>
                {
                    w.WriteString("stat", "OK");
                    w.WriteStartArray("response");
                    foreach (var request in _requests)
                    {
                        w.WriteStartObject();
                        w.WriteString("method", request.Method);
                        w.WriteString("path", request.Path);
                        w.WriteNumber("status", request.StatusCode);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }).ConfigureAwait(false);
                return;
        }

        await WriteFailAsync(context, 400, 40002, "Invalid request parameters").ConfigureAwait(false);
    }

    private static bool TryApply(DuoEmulatorUser user, Dictionary<string, string> query)
    {
        if (query.TryGetValue("outcome", out var outcome))
        {
            DuoEmulatorOutcome? parsed = outcome switch
            {
                "approve" => DuoEmulatorOutcome.Approve,
                "deny" => DuoEmulatorOutcome.Deny,
                "timeout" => DuoEmulatorOutcome.Timeout,
                _ => null,
            };
            if (parsed is null)
            {
                return false;
            }

            user.Outcome = parsed.Value;
        }

        if (query.TryGetValue("state", out var state))
        {
            DuoEmulatorUserState? parsed = state switch
            {
                "active" => DuoEmulatorUserState.Active,
                "bypass" => DuoEmulatorUserState.Bypass,
                "locked" => DuoEmulatorUserState.Locked,
                "not_enrolled" => DuoEmulatorUserState.NotEnrolled,
                _ => null,
            };
            if (parsed is null)
            {
                return false;
            }

            user.State = parsed.Value;
        }

        if (query.TryGetValue("server_error", out var serverError))
        {
            if (!bool.TryParse(serverError, out var down))
            {
                return false;
            }

            user.ServerError = down;
        }

        if (query.TryGetValue("passcode", out var passcode) && passcode.Length > 0)
        {
            user.WithPasscode(passcode);
        }

        return true;
    }
}
