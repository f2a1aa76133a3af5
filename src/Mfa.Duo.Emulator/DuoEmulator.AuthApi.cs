using System.Security.Cryptography;
using System.Text;
using Mfa.Duo.Emulator.Scripting;
using Mfa.Duo.Signing;
using Microsoft.AspNetCore.Http;

namespace Mfa.Duo.Emulator;

/// <summary>The Auth API v2 endpoints (spec §3) and the signature check (spec §4.6).</summary>
public sealed partial class DuoEmulator
{
    private readonly Dictionary<string, Transaction> _transactions = new(StringComparer.Ordinal);

    private async Task HandleAuthApiAsync(HttpContext context, string path, byte[] body)
    {
        if (path == "/auth/v2/ping")
        {
            await WriteOkAsync(context, w => w.WriteNumber("time", Now.ToUnixTimeSeconds())).ConfigureAwait(false);
            return;
        }

        if (VerifySignature(context, body) is { } refusal)
        {
            await WriteFailAsync(context, 401, refusal.Code, refusal.Message).ConfigureAwait(false);
            return;
        }

        var parameters = Parameters(context.Request, body);
        switch (path)
        {
            case "/auth/v2/check":
                await WriteOkAsync(context, w => w.WriteNumber("time", Now.ToUnixTimeSeconds())).ConfigureAwait(false);
                break;
            case "/auth/v2/preauth":
                await PreauthAsync(context, parameters).ConfigureAwait(false);
                break;
            case "/auth/v2/auth":
                await AuthAsync(context, parameters).ConfigureAwait(false);
                break;
            case "/auth/v2/auth_status":
                await AuthStatusAsync(context, parameters).ConfigureAwait(false);
                break;
            default:
                await WriteFailAsync(context, 404, 40401, "Resource not found").ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Spec §4.6, steps 1–6; <see langword="null"/> when the request is signed correctly.</summary>
    private (int Code, string Message)? VerifySignature(HttpContext context, byte[] body)
    {
        var request = context.Request;
        const string Missing = "Missing request credentials";
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return (40101, Missing);
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return (40101, Missing);
        }

        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return (40101, Missing);
        }

        var ikey = credentials[..colon];
        var signature = credentials[(colon + 1)..];
        if (!string.Equals(ikey, _options.IntegrationKey, StringComparison.Ordinal))
        {
            return (40102, "Invalid integration key in request credentials");
        }

        const string BadSignature = "Invalid signature in request credentials";

        // X-Duo-Date wins over Date (spec §4.4).
        var dateText = request.Headers.TryGetValue("X-Duo-Date", out var xDuoDate) ? xDuoDate.ToString() : request.Headers.Date.ToString();
        if (!DuoDate.TryParse(dateText, out var date) || (date - Now).Duration() > _options.MaxDateSkew)
        {
            return (40103, BadSignature);
        }

        var hashes = signature.Length switch
        {
            40 => new[] { (DuoSignatureVersion.V2, DuoSignatureHash.Sha1) },
            128 => [(DuoSignatureVersion.V5, DuoSignatureHash.Sha512), (DuoSignatureVersion.V2, DuoSignatureHash.Sha512)],
            _ => [],
        };
        var hosts = new[] { request.Host.Host, _apiHost }.Distinct(StringComparer.OrdinalIgnoreCase);
        var path = RawPath(context);
        var query = QueryPairs(request);
        var xDuo = request.Headers
            .Where(static h => h.Key.StartsWith("x-duo-", StringComparison.OrdinalIgnoreCase))
            .Select(static h => new KeyValuePair<string, string>(h.Key, h.Value.ToString()))
            .ToList();
        var given = Encoding.ASCII.GetBytes(signature);
        foreach (var host in hosts)
        {
            foreach (var (version, hash) in hashes)
            {
                string canonical;
                try
                {
                    canonical = version == DuoSignatureVersion.V5
                        ? DuoRequestSigner.CanonicalizeV5(dateText, request.Method, host, path, query, Encoding.UTF8.GetString(body), xDuo)
                        : DuoRequestSigner.CanonicalizeV2(dateText, request.Method, host, path, [.. query, .. FormPairs(request, body)]);
                }
                catch (ArgumentException)
                {
                    return (40103, BadSignature);
                }

                var expected = Encoding.ASCII.GetBytes(DuoRequestSigner.ComputeSignature(hash, _options.SecretKey, canonical));
                if (CryptographicOperations.FixedTimeEquals(expected, given))
                {
                    return null;
                }
            }
        }

        return (40103, BadSignature);
    }

    private async Task PreauthAsync(HttpContext context, Dictionary<string, string> parameters)
    {
        if (!parameters.TryGetValue("username", out var username) || username.Length == 0)
        {
            await WriteFailAsync(context, 400, 40002, "Invalid request parameters", "username").ConfigureAwait(false);
            return;
        }

        var user = FindUser(username);
        if (user?.ServerError == true)
        {
            await WriteFailAsync(context, 503, 50301, "Service unavailable").ConfigureAwait(false);
            return;
        }

        var state = user?.State ?? DuoEmulatorUserState.NotEnrolled;
        await WriteOkAsync(context, w =>
        {
            switch (state)
            {
                case DuoEmulatorUserState.Bypass:
                    w.WriteString("result", "allow");
                    w.WriteString("status_msg", "Allowing unknown user");
                    break;
                case DuoEmulatorUserState.Locked:
                    w.WriteString("result", "deny");
                    w.WriteString("status_msg", "Your account is disabled.");
                    break;
                case DuoEmulatorUserState.NotEnrolled:
                    w.WriteString("result", "enroll");
                    w.WriteString("status_msg", "Enroll an authentication device to proceed");
                    w.WriteString("enroll_portal_url", Authority + "/portal?" + RandomId(16));
                    break;
                default:
                    w.WriteString("result", "auth");
                    w.WriteString("status_msg", "Account is active");
                    w.WriteStartArray("devices");
                    foreach (var device in user!.Devices)
                    {
                        w.WriteStartObject();
                        w.WriteString("device", device.Id);
                        w.WriteString("type", device.Type);
                        w.WriteString("name", device.Name);
                        w.WriteString("display_name", device.DisplayName);
                        w.WriteString("number", device.Number);
                        if (device.Capabilities.Count > 0)
                        {
                            w.WriteStartArray("capabilities");
                            foreach (var capability in device.Capabilities)
                            {
                                w.WriteStringValue(capability);
                            }

                            w.WriteEndArray();
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    break;
            }
        }).ConfigureAwait(false);
    }

    private async Task AuthAsync(HttpContext context, Dictionary<string, string> parameters)
    {
        parameters.TryGetValue("factor", out var factor);
        parameters.TryGetValue("username", out var username);
        var user = FindUser(username);
        if (user is null || factor is not ("auto" or "push" or "phone" or "sms" or "passcode"))
        {
            await WriteFailAsync(context, 400, 40002, "Invalid request parameters", user is null ? "username" : "factor").ConfigureAwait(false);
            return;
        }

        if (user.ServerError)
        {
            await WriteFailAsync(context, 503, 50301, "Service unavailable").ConfigureAwait(false);
            return;
        }

        var isAsync = parameters.TryGetValue("async", out var asyncText) && asyncText is "1" or "true";
        Verdict? verdict;
        if (factor == "passcode")
        {
            if (!parameters.TryGetValue("passcode", out var passcode) || passcode.Length == 0)
            {
                await WriteFailAsync(context, 400, 40002, "Invalid request parameters", "passcode").ConfigureAwait(false);
                return;
            }

            verdict = Gate(user) ?? (user.TryConsumePasscode(passcode)
                ? new Verdict("allow", "allow", "Success. Logging you in...")
                : new Verdict("deny", "deny", "Incorrect passcode. Please try again."));
        }
        else
        {
            var capability = factor == "auto" ? "auto" : factor;
            var deviceId = parameters.GetValueOrDefault("device", "auto");
            var capable = user.Devices.Any(d => (deviceId == "auto" || d.Id == deviceId) && d.Capabilities.Contains(capability, StringComparer.Ordinal));
            if (!capable)
            {
                await WriteFailAsync(context, 400, 40002, "Invalid request parameters", "no capable device").ConfigureAwait(false);
                return;
            }

            verdict = Gate(user) ?? (factor == "sms" ? new Verdict("deny", "sent", "New SMS passcodes sent.") : null);
        }

        if (!isAsync)
        {
            var answered = verdict ?? Answer(user.Outcome);
            await WriteOkAsync(context, w => answered.Write(w)).ConfigureAwait(false);
            return;
        }

        var txid = Guid.CreateVersion7(Now).ToString();
        lock (_transactions)
        {
            _transactions[txid] = new Transaction(verdict, user, user.WaitingPolls);
        }

        await WriteOkAsync(context, w => w.WriteString("txid", txid)).ConfigureAwait(false);
    }

    private async Task AuthStatusAsync(HttpContext context, Dictionary<string, string> parameters)
    {
        Transaction? transaction = null;
        var txid = parameters.GetValueOrDefault("txid", string.Empty);
        lock (_transactions)
        {
            if (_transactions.TryGetValue(txid, out var found))
            {
                transaction = found;
                if (found.PollsLeft > 0)
                {
                    _transactions[txid] = found with { PollsLeft = found.PollsLeft - 1 };
                }
            }
        }

        if (transaction is null)
        {
            await WriteFailAsync(context, 400, 40002, "Invalid request parameters", "txid").ConfigureAwait(false);
            return;
        }

        var verdict = transaction.PollsLeft > 0 ? new Verdict("waiting", "pushed", "Pushed a login request to your device...") : transaction.Resolve();
        await WriteOkAsync(context, w =>
        {
            w.WriteBoolean("auth_delayed", false);
            verdict.Write(w);
        }).ConfigureAwait(false);
    }

    /// <summary>A locked, bypassed or unenrolled user's answer regardless of the factor.</summary>
    private static Verdict? Gate(DuoEmulatorUser user) => user.State switch
    {
        DuoEmulatorUserState.Locked => new Verdict("deny", "locked_out", "Your account is disabled."),
        DuoEmulatorUserState.NotEnrolled => new Verdict("deny", "deny", "Enroll an authentication device to proceed"),
        DuoEmulatorUserState.Bypass => new Verdict("allow", "bypass", "Bypass code accepted"),
        _ => null,
    };

    private static Verdict Answer(DuoEmulatorOutcome outcome) => outcome switch
    {
        DuoEmulatorOutcome.Approve => new Verdict("allow", "allow", "Success. Logging you in..."),
        DuoEmulatorOutcome.Deny => new Verdict("deny", "deny", "Login request denied."),
        _ => new Verdict("deny", "timeout", "Login timed out."),
    };

    private sealed record Verdict(string Result, string Status, string StatusMessage)
    {
        public void Write(System.Text.Json.Utf8JsonWriter writer)
        {
            writer.WriteString("result", Result);
            writer.WriteString("status", Status);
            writer.WriteString("status_msg", StatusMessage);
        }
    }

    /// <summary>
    /// An asynchronous push or call: <paramref name="Fixed"/> when the answer was known at <c>auth</c> (a locked or bypass
    /// user), else the user's scripted <see cref="DuoEmulatorUser.Outcome"/> read when the transaction resolves — as a
    /// person answers on the phone after the push arrived.
    /// </summary>
    private sealed record Transaction(Verdict? Fixed, DuoEmulatorUser User, int PollsLeft)
    {
        public Verdict Resolve() => Fixed ?? Answer(User.Outcome);
    }
}
