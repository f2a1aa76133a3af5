using System.Text.Json;
using Mfa.Duo.Http;

namespace Mfa.Duo.Jwt;

/// <summary>The validated claims of a Duo id_token (spec §2.9): who authenticated, Duo's verdict and the context.</summary>
public sealed class DuoIdToken
{
    private DuoIdToken(string username, string? subject, DateTimeOffset issuedAt, DateTimeOffset expiresAt, DateTimeOffset? authTime, string? nonce, DuoAuthResult authResult, DuoAuthContext authContext)
    {
        Username = username;
        Subject = subject;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        AuthTime = authTime;
        Nonce = nonce;
        AuthResult = authResult;
        AuthContext = authContext;
    }

    /// <summary><c>preferred_username</c>: the user as Duo knows them (may differ in case from the name sent).</summary>
    public string Username { get; }

    /// <summary><c>sub</c>: Duo's subject identifier; don't rely on it.</summary>
    public string? Subject { get; }

    /// <summary><c>iat</c>.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary><c>exp</c>.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary><c>auth_time</c>, when present.</summary>
    public DateTimeOffset? AuthTime { get; }

    /// <summary><c>nonce</c>, when present.</summary>
    public string? Nonce { get; }

    /// <summary><c>auth_result</c>: Duo's verdict.</summary>
    public DuoAuthResult AuthResult { get; }

    /// <summary><c>auth_context</c>: factor, devices, locations (every member optional).</summary>
    public DuoAuthContext AuthContext { get; }

    internal static DuoIdToken From(JsonElement claims, string username, double exp, double iat)
    {
        var result = claims.Object("auth_result");
        var authTime = claims.Number("auth_time", allowString: false);
        return new DuoIdToken(
            username,
            claims.String("sub"),
            FromSeconds(iat),
            FromSeconds(exp),
            authTime is { } t ? FromSeconds(t) : null,
            claims.String("nonce"),
            new DuoAuthResult(result?.String("result"), DuoJson.Sanitize(result?.String("status")), DuoJson.Sanitize(result?.String("status_msg"))),
            DuoAuthContext.From(claims.Object("auth_context")));
    }

    internal static DateTimeOffset FromSeconds(double seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Clamp(seconds * 1000, -62135596800000, 253402300799000));
}
