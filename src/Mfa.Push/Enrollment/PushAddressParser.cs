using System.Globalization;
using Mfa.Push.Jose;
using Mfa.Push.Transports;

namespace Mfa.Push.Enrollment;

/// <summary>Reads the <c>push</c> member of enrollment and update tokens (push spec §3.3, §3.4 step 7).</summary>
internal static class PushAddressParser
{
    /// <summary>Push spec §3.4 step 7: every value at most 4 KiB.</summary>
    private const int MaxValueLength = 4096;

    /// <summary>Parses <paramref name="push"/>; <paramref name="address"/> is null for <c>{"type":"poll"}</c>.</summary>
    public static bool TryParse(Claims push, bool allowInProcess, out PushDeviceAddress? address)
    {
        address = null;
        if (!push.TryGetString("type", out var type))
        {
            return false;
        }

        switch (type)
        {
            case "poll":
                return true;
            case "fcm":
                if (!TryValue(push, "token", out var fcmToken))
                {
                    return false;
                }

                address = new PushDeviceAddress { Kind = PushAddressKind.Fcm, Target = fcmToken };
                return true;
            case "apns":
                // Even-length hex; the length is Apple's to change (today 64 characters).
                if (!TryValue(push, "token", out var apnsToken) || apnsToken.Length % 2 != 0 || !apnsToken.All(char.IsAsciiHexDigit)
                    || !TryValue(push, "topic", out var topic)
                    || !push.TryGetString("env", out var env) || env is not ("production" or "sandbox"))
                {
                    return false;
                }

                address = new PushDeviceAddress { Kind = PushAddressKind.Apns, Target = apnsToken.ToLower(CultureInfo.InvariantCulture), ApnsTopic = topic, ApnsEnvironment = env };
                return true;
            case "webpush":
                if (!TryValue(push, "endpoint", out var endpoint) || !IsHttpsUrl(endpoint)
                    || !push.TryGetString("p256dh", out var p256dh) || !Base64UrlStrict.IsEncodingOf(p256dh, 65) || p256dh[0] != 'B'
                    || !push.TryGetString("auth", out var auth) || !Base64UrlStrict.IsEncodingOf(auth, 16))
                {
                    return false;
                }

                address = new PushDeviceAddress { Kind = PushAddressKind.WebPush, Target = endpoint, WebPushP256dh = p256dh, WebPushAuth = auth };
                return true;
            case "inprocess" when allowInProcess:
                if (!TryValue(push, "id", out var id))
                {
                    return false;
                }

                address = new PushDeviceAddress { Kind = PushAddressKind.InProcess, Target = id };
                return true;
            default:
                return false;
        }
    }

    private static bool TryValue(Claims push, string name, out string value)
    {
        value = string.Empty;
        if (!push.TryGetString(name, out var text) || text.Length > MaxValueLength || text.Any(char.IsControl))
        {
            return false;
        }

        value = text;
        return true;
    }

    private static bool IsHttpsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(uri.UserInfo);
}
