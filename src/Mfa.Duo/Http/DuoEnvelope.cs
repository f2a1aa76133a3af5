using System.Net;
using System.Text.Json;

namespace Mfa.Duo.Http;

/// <summary>
/// Spec §3.2: success ⇔ HTTP 200 ∧ JSON ∧ <c>stat == "OK"</c>; a <c>FAIL</c> body carries <c>code</c> (number or string),
/// <c>message</c> and <c>message_detail</c>; the OAuth endpoints answer <c>error</c>/<c>error_description</c> instead.
/// </summary>
internal readonly record struct DuoEnvelope(DuoFailureKind Failure, JsonElement Response, int? HttpStatus, int? Code, string? Error, string? Message)
{
    public static DuoEnvelope From(DuoHttpResponse http)
    {
        if (http.Failure != DuoFailureKind.None)
        {
            return new(http.Failure, default, http.StatusCode, null, null, null);
        }

        if (DuoJson.ParseObject(http.Body) is not { } root)
        {
            return new(DuoFailureKind.MalformedResponse, default, http.StatusCode, null, null, null);
        }

        var stat = root.String("stat");
        if (http.Status == HttpStatusCode.OK && stat == "OK" && root.TryGetProperty("response", out var response))
        {
            return new(DuoFailureKind.None, response, http.StatusCode, null, null, null);
        }

        if (stat is not null || root.Has("error"))
        {
            var message = Join(root.String("message"), root.String("message_detail"))
                ?? Join(root.String("error"), root.String("error_description"));
            return new(DuoFailureKind.Rejected, default, http.StatusCode, root.LenientInt("code"), DuoJson.Sanitize(root.String("error")), DuoJson.Sanitize(message));
        }

        return new(DuoFailureKind.MalformedResponse, default, http.StatusCode, null, null, null);
    }

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first + ": " + second;
}
