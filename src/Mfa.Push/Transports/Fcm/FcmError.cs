using System.Text.Json;
using Mfa.Push.Transports.Http;

namespace Mfa.Push.Transports.Fcm;

/// <summary>
/// The parts of an FCM error body used for mapping: <c>error.status</c>, the FcmError <c>errorCode</c> in
/// <c>error.details</c>, and whether a <c>google.rpc.BadRequest</c> field violation names the registration token.
/// </summary>
internal sealed record FcmError(string? Status, string? ErrorCode, bool TokenRejected)
{
    private static readonly FcmError s_none = new(null, null, false);

    public static FcmError Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error", out var error)
                || error.ValueKind != JsonValueKind.Object)
            {
                return s_none;
            }

            string? errorCode = null;
            var tokenRejected = false;
            if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
            {
                foreach (var detail in details.EnumerateArray().Where(static d => d.ValueKind == JsonValueKind.Object))
                {
                    var type = String(detail, "@type") ?? "";
                    if (type.EndsWith("google.firebase.fcm.v1.FcmError", StringComparison.Ordinal))
                    {
                        errorCode ??= PushHttp.SafeReason(String(detail, "errorCode"));
                    }
                    else if (type.EndsWith("google.rpc.BadRequest", StringComparison.Ordinal)
                        && detail.TryGetProperty("fieldViolations", out var violations) && violations.ValueKind == JsonValueKind.Array)
                    {
                        tokenRejected |= violations.EnumerateArray().Any(static v =>
                            v.ValueKind == JsonValueKind.Object && String(v, "field") is "message.token" or "token");
                    }
                }
            }

            return new FcmError(PushHttp.SafeReason(String(error, "status")), errorCode, tokenRejected);
        }
        catch (JsonException)
        {
            return s_none;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
