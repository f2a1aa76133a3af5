using System.Text.Json;
using Mfa.Duo.Http;

namespace Mfa.Duo.Jwt;

/// <summary>The id_token's <c>auth_context</c> (spec §2.9): every member optional, all text untrusted (control characters removed).</summary>
public sealed class DuoAuthContext
{
    /// <summary>The Duo transaction id (<c>txid</c>).</summary>
    public string? TransactionId { get; private init; }

    /// <summary>The factor used, e.g. <c>duo_push</c>, <c>phone_call</c>, <c>passcode</c>.</summary>
    public string? Factor { get; private init; }

    /// <summary>The result, e.g. <c>success</c>.</summary>
    public string? Result { get; private init; }

    /// <summary>The reason, e.g. <c>user_approved</c>.</summary>
    public string? Reason { get; private init; }

    /// <summary>When Duo decided (<c>timestamp</c>).</summary>
    public DateTimeOffset? Timestamp { get; private init; }

    /// <summary>The application's name (<c>application.name</c>).</summary>
    public string? ApplicationName { get; private init; }

    /// <summary>The user's name in Duo (<c>user.name</c>).</summary>
    public string? UserName { get; private init; }

    /// <summary>The device that approved.</summary>
    public DuoAuthDevice? AuthDevice { get; private init; }

    /// <summary>The device the user signed in from.</summary>
    public DuoAccessDevice? AccessDevice { get; private init; }

    internal static DuoAuthContext From(JsonElement? element)
    {
        if (element is not { } e)
        {
            return new DuoAuthContext();
        }

        var timestamp = e.Number("timestamp", allowString: true);
        var auth = e.Object("auth_device");
        var access = e.Object("access_device");
        return new DuoAuthContext
        {
            TransactionId = DuoJson.Sanitize(e.String("txid")),
            Factor = DuoJson.Sanitize(e.String("factor")),
            Result = DuoJson.Sanitize(e.String("result")),
            Reason = DuoJson.Sanitize(e.String("reason")),
            Timestamp = timestamp is { } t ? DuoIdToken.FromSeconds(t) : null,
            ApplicationName = DuoJson.Sanitize(e.Object("application")?.String("name")),
            UserName = DuoJson.Sanitize(e.Object("user")?.String("name")),
            AuthDevice = auth is { } a
                ? new DuoAuthDevice(DuoJson.Sanitize(a.String("ip")), DuoJson.Sanitize(a.String("name")), DuoLocation.From(a.Object("location")))
                : null,
            AccessDevice = access is { } d
                ? new DuoAccessDevice(
                    DuoJson.Sanitize(d.String("ip")),
                    DuoJson.Sanitize(d.String("hostname") ?? d.String("host_name")),
                    DuoJson.Sanitize(d.String("browser")),
                    DuoJson.Sanitize(d.String("browser_version")),
                    DuoJson.Sanitize(d.String("os")),
                    DuoJson.Sanitize(d.String("os_version")),
                    DuoLocation.From(d.Object("location")))
                : null,
        };
    }
}
