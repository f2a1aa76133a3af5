using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Mfa.Duo.Emulator.Scripting;
using Mfa.Duo.Http;
using Mfa.Duo.Jwt;
using Microsoft.AspNetCore.Http;

namespace Mfa.Duo.Emulator;

/// <summary>The Universal Prompt endpoints (spec §2, §7): health check, authorize, token.</summary>
public sealed partial class DuoEmulator
{
    private const string InvalidAssertion = "The provided client_assertion was invalid.";
    private const string InvalidGrant = "The provided authorization grant or refresh token is invalid, expired, revoked, does not match the redirection URI.";
    private static readonly TimeSpan s_maxJwtLifetime = TimeSpan.FromSeconds(3600);
    private readonly Dictionary<string, IssuedCode> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Authorization> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenJti = new(StringComparer.Ordinal);

    private async Task HandleUniversalAsync(HttpContext context, string path, byte[] body)
    {
        var parameters = Parameters(context.Request, body);
        switch (path)
        {
            case "/oauth/v1/health_check":
                await HealthCheckAsync(context, parameters).ConfigureAwait(false);
                break;
            case "/oauth/v1/authorize":
                await AuthorizeAsync(context, parameters).ConfigureAwait(false);
                break;
            case "/oauth/v1/authorize/decision":
                await DecisionAsync(context, parameters).ConfigureAwait(false);
                break;
            case "/oauth/v1/token":
                await TokenAsync(context, parameters).ConfigureAwait(false);
                break;
            default:
                await WriteFailAsync(context, 404, 40401, "Resource not found").ConfigureAwait(false);
                break;
        }
    }

    private async Task HealthCheckAsync(HttpContext context, Dictionary<string, string> parameters)
    {
        var clientId = parameters.GetValueOrDefault("client_id");
        if (clientId != _options.ClientId || !CheckAssertion(parameters.GetValueOrDefault("client_assertion"), clientId, Authority + "/oauth/v1/health_check"))
        {
            await WriteJsonAsync(context, 400, w =>
            {
                w.WriteString("stat", "FAIL");
                w.WriteNumber("code", 40002);
                w.WriteString("message", "invalid_client");
                w.WriteString("message_detail", InvalidAssertion);
                w.WriteNumber("timestamp", Now.ToUnixTimeSeconds());
            }).ConfigureAwait(false);
            return;
        }

        await WriteOkAsync(context, w => w.WriteNumber("timestamp", Now.ToUnixTimeSeconds())).ConfigureAwait(false);
    }

    /// <summary>Spec §2.4 checks 1–5; query values win over the request JWT's.</summary>
    private async Task AuthorizeAsync(HttpContext context, Dictionary<string, string> query)
    {
        if (query.GetValueOrDefault("response_type") != "code" || query.GetValueOrDefault("client_id") is not { } clientId || clientId != _options.ClientId)
        {
            await WritePageAsync(context, 400, "invalid_request: response_type or client_id").ConfigureAwait(false);
            return;
        }

        if (DuoJwt.TryRead(query.GetValueOrDefault("request"), _options.ClientSecret, out var jwt) != DuoIdTokenFailure.None)
        {
            await WritePageAsync(context, 400, "invalid_request: the request JWT does not verify").ConfigureAwait(false);
            return;
        }

        var aud = jwt.String("aud");
        if (jwt.String("client_id") != clientId
            || (jwt.Has("iss") && jwt.String("iss") != clientId)
            || (jwt.Has("aud") && aud != Authority && aud != Authority + "/oauth/v1/authorize")
            || !TimesValid(jwt))
        {
            await WritePageAsync(context, 400, "invalid_request: request JWT claims").ConfigureAwait(false);
            return;
        }

        string? Effective(string name) => query.TryGetValue(name, out var value) ? value : jwt.String(name);
        var scope = Effective("scope") ?? string.Empty;
        var redirect = Effective("redirect_uri");
        var state = Effective("state");
        var nonce = Effective("nonce");
        var user = FindUser(jwt.String("duo_uname"));
        if (!scope.Split(' ').Contains("openid", StringComparer.Ordinal)
            || redirect is null
            || !Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri)
            || (_options.AllowedRedirectUris.Count > 0 && !_options.AllowedRedirectUris.Any(u => u.OriginalString == redirect))
            || state is null || state.Length is < 16 or > 1024
            || user is null)
        {
            await WritePageAsync(context, 400, "invalid_request: scope, redirect_uri, state or duo_uname").ConfigureAwait(false);
            return;
        }

        if (user.ServerError)
        {
            await WriteFailAsync(context, 503, 50301, "Service unavailable").ConfigureAwait(false);
            return;
        }

        var duoCode = jwt.TryGetProperty("use_duo_code_attribute", out var flag)
            && (flag.ValueKind == JsonValueKind.True || (flag.ValueKind == JsonValueKind.String && flag.GetString() == "true"));
        var authorization = new Authorization(clientId, redirect, redirectUri, state, nonce, user, duoCode);
        if (_options.AutoDecide)
        {
            Decide(context, authorization, user.State == DuoEmulatorUserState.Active ? user.Outcome : DuoEmulatorOutcome.Approve);
            return;
        }

        var id = RandomId(32);
        lock (_pending)
        {
            _pending[id] = authorization;
        }

        var name = WebUtility.HtmlEncode(user.Username);
        await WritePageAsync(
            context,
            200,
            $"""
            <h1>Duo emulator</h1><p>Approve the sign-in of <b>{name}</b>?</p>
            <form method="post" action="/oauth/v1/authorize/decision"><input type="hidden" name="id" value="{id}">
            <button name="decision" value="approve" id="approve">Approve</button> <button name="decision" value="deny" id="deny">Deny</button></form>
            """).ConfigureAwait(false);
    }

    private async Task DecisionAsync(HttpContext context, Dictionary<string, string> form)
    {
        Authorization? authorization;
        lock (_pending)
        {
            _pending.Remove(form.GetValueOrDefault("id", string.Empty), out authorization);
        }

        if (authorization is null)
        {
            await WritePageAsync(context, 400, "invalid_request: unknown or used authorization").ConfigureAwait(false);
            return;
        }

        Decide(context, authorization, form.GetValueOrDefault("decision") == "approve" ? DuoEmulatorOutcome.Approve : DuoEmulatorOutcome.Deny);
    }

    /// <summary>Redirects back with a one-time code, or with <c>error=access_denied</c> (spec §6: emulator design).</summary>
    private void Decide(HttpContext context, Authorization authorization, DuoEmulatorOutcome outcome)
    {
        var user = authorization.User;
        string? refusal = user.State switch
        {
            DuoEmulatorUserState.Locked => "The user is locked out.",
            DuoEmulatorUserState.NotEnrolled => "The user is not enrolled.",
            _ => outcome switch
            {
                DuoEmulatorOutcome.Deny => "The user denied the request.",
                DuoEmulatorOutcome.Timeout => "The request timed out.",
                _ => null,
            },
        };
        var query = new List<KeyValuePair<string, string>>();
        if (refusal is null)
        {
            var code = RandomId(32);
            lock (_codes)
            {
                _codes[code] = new IssuedCode(authorization, Now + _options.CodeLifetime);
            }

            query.Add(new(authorization.DuoCodeAttribute ? "duo_code" : "code", code));
        }
        else
        {
            query.Add(new("error", "access_denied"));
            query.Add(new("error_description", refusal));
        }

        query.Add(new("state", authorization.State));
        var separator = authorization.RedirectUri.Query.Length > 0 ? "&" : "?";
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = authorization.Redirect + separator
            + string.Join('&', query.Select(static p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
    }

    private async Task TokenAsync(HttpContext context, Dictionary<string, string> parameters)
    {
        if (parameters.GetValueOrDefault("grant_type") != "authorization_code")
        {
            await OAuthErrorAsync(context, "unsupported_grant_type", "grant_type must be authorization_code").ConfigureAwait(false);
            return;
        }

        var assertion = parameters.GetValueOrDefault("client_assertion");
        var clientId = parameters.GetValueOrDefault("client_id");
        if (clientId is not null && assertion is not null
            && DuoJwt.TryRead(assertion, _options.ClientSecret, out var claims) == DuoIdTokenFailure.None
            && claims.String("iss") != clientId)
        {
            await OAuthErrorAsync(context, "invalid_client", "Invalid Client assertion: The `iss` claim must match the supplied client_id").ConfigureAwait(false);
            return;
        }

        if (parameters.GetValueOrDefault("client_assertion_type") != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
            || !CheckAssertion(assertion, _options.ClientId, Authority + "/oauth/v1/token"))
        {
            await OAuthErrorAsync(context, "invalid_client", InvalidAssertion).ConfigureAwait(false);
            return;
        }

        IssuedCode? issued;
        lock (_codes)
        {
            // Single use: the code is spent before anything else is checked.
            _codes.Remove(parameters.GetValueOrDefault("code", string.Empty), out issued);
        }

        if (issued is null || issued.Expires < Now || issued.Authorization.ClientId != _options.ClientId
            || !string.Equals(parameters.GetValueOrDefault("redirect_uri"), issued.Authorization.Redirect, StringComparison.Ordinal))
        {
            await OAuthErrorAsync(context, "invalid_grant", InvalidGrant).ConfigureAwait(false);
            return;
        }

        var idToken = IssueIdToken(issued.Authorization);
        await WriteJsonAsync(context, 200, w =>
        {
            w.WriteString("id_token", idToken);
            w.WriteString("access_token", RandomId(32));
            w.WriteString("token_type", "Bearer");
            w.WriteNumber("expires_in", 300);
        }).ConfigureAwait(false);
    }

    /// <summary>Spec §2.9 claims, preferred_username as stored (lower-cased), auth_result allow and a minimal auth_context.</summary>
    private string IssueIdToken(Authorization authorization)
    {
        var now = Now.ToUnixTimeSeconds();
        var user = authorization.User;
        var bypass = user.State == DuoEmulatorUserState.Bypass;
        return DuoJwt.Sign(
            w =>
            {
                w.WriteString("iss", Authority + "/oauth/v1/token");
                w.WriteString("aud", authorization.ClientId);
                w.WriteString("sub", "DU" + RandomId(18).ToUpperInvariant());
                w.WriteNumber("iat", now);
                w.WriteNumber("exp", now + 300);
                w.WriteNumber("auth_time", now);
                w.WriteString("preferred_username", user.Username.ToLowerInvariant());
                if (authorization.Nonce is not null)
                {
                    w.WriteString("nonce", authorization.Nonce);
                }

                w.WriteStartObject("auth_result");
                w.WriteString("result", "allow");
                w.WriteString("status", "allow");
                w.WriteString("status_msg", "Login Successful");
                w.WriteEndObject();
                w.WriteStartObject("auth_context");
                w.WriteString("txid", Guid.CreateVersion7(Now).ToString());
                w.WriteNumber("timestamp", now);
                w.WriteString("isotimestamp", Now.ToString("O", CultureInfo.InvariantCulture));
                w.WriteString("event_type", "authentication");
                w.WriteString("factor", bypass ? "not_available" : "duo_push");
                w.WriteString("result", "success");
                w.WriteString("reason", bypass ? "bypass_user" : "user_approved");
                w.WriteStartObject("application");
                w.WriteString("key", authorization.ClientId);
                w.WriteString("name", "Duo emulator");
                w.WriteEndObject();
                w.WriteStartObject("user");
                w.WriteString("name", user.Username.ToLowerInvariant());
                w.WriteStartArray("groups");
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteStartObject("auth_device");
                w.WriteString("ip", "192.0.2.10");
                w.WriteString("name", user.Devices.FirstOrDefault()?.DisplayName);
                WriteLocation(w);
                w.WriteEndObject();
                w.WriteStartObject("access_device");
                w.WriteString("ip", "127.0.0.1");
                w.WriteString("hostname", "localhost");
                w.WriteString("browser", "Emulated");
                w.WriteString("is_password_set", "unknown");
                WriteLocation(w);
                w.WriteEndObject();
                w.WriteEndObject();
            },
            _options.ClientSecret);
    }

    private static void WriteLocation(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("location");
        writer.WriteString("city", "Ann Arbor");
        writer.WriteString("state", "Michigan");
        writer.WriteString("country", "United States");
        writer.WriteEndObject();
    }

    /// <summary>A client assertion: HS512 with the client secret, iss = sub = client id, aud = the endpoint URL, exp within bounds, jti optional single use.</summary>
    private bool CheckAssertion(string? assertion, string? clientId, string audience)
    {
        if (clientId is null || DuoJwt.TryRead(assertion, _options.ClientSecret, out var claims) != DuoIdTokenFailure.None)
        {
            return false;
        }

        if (claims.String("iss") != clientId || claims.String("sub") != clientId || claims.String("aud") != audience || !TimesValid(claims))
        {
            return false;
        }

        if (!_options.RejectReplayedJti)
        {
            return true;
        }

        lock (_seenJti)
        {
            return claims.String("jti") is { } jti && _seenJti.Add(jti);
        }
    }

    /// <summary>exp (number, float or string, as the SDKs send it) not passed beyond the leeway, and at most an hour ahead.</summary>
    private bool TimesValid(JsonElement claims)
    {
        var now = Now.ToUnixTimeSeconds();
        return claims.Number("exp", allowString: true) is { } exp
            && now <= exp + _options.JwtLeeway.TotalSeconds
            && exp <= now + s_maxJwtLifetime.TotalSeconds + _options.JwtLeeway.TotalSeconds;
    }

    private static Task OAuthErrorAsync(HttpContext context, string error, string description) =>
        WriteJsonAsync(context, 400, w =>
        {
            w.WriteString("error", error);
            w.WriteString("error_description", description);
        });

    private static async Task WritePageAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var text = status == 200 ? html : "<h1>Duo emulator</h1><p>" + WebUtility.HtmlEncode(html) + "</p>";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<!doctype html><meta charset=\"utf-8\"><title>Duo emulator</title>" + text), context.RequestAborted).ConfigureAwait(false);
    }

    private sealed record Authorization(string ClientId, string Redirect, Uri RedirectUri, string State, string? Nonce, DuoEmulatorUser User, bool DuoCodeAttribute);

    private sealed record IssuedCode(Authorization Authorization, DateTimeOffset Expires);
}
