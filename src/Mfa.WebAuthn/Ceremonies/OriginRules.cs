using System.Buffers.Text;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>Which strings are acceptable origins and RP IDs (WebAuthn L3 §5.1.5.1, §13.4.9), checked at start-up.</summary>
internal static class OriginRules
{
    public const string AndroidPrefix = "android:apk-key-hash:";

    private const int MaxDomainLength = 253;

    /// <summary>Whether <paramref name="rpId"/> is a lowercase domain name (or <c>localhost</c>).</summary>
    public static bool IsValidRelyingPartyId(string? rpId)
    {
        if (string.IsNullOrEmpty(rpId) || rpId.Length > MaxDomainLength || rpId[0] == '.' || rpId[^1] == '.' || rpId.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var label in rpId.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || !label.All(static c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="origin"/> is an Android APK signing-key origin with a 32-byte hash.</summary>
    public static bool IsAndroidOrigin(string origin)
    {
        if (!origin.StartsWith(AndroidPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var hash = origin.AsSpan(AndroidPrefix.Length);
        return hash.Length == 43 && Base64Url.IsValid(hash, out var length) && length == 32;
    }

    /// <summary>
    /// Whether <paramref name="origin"/> is a serialized web origin (<c>https://host[:port]</c>, or <c>http://localhost[:port]</c>).
    /// Its host need not be on the RP ID: related origins (WebAuthn L3 §5.11) may use it too.
    /// </summary>
    public static bool IsWebOrigin(string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo) || uri.HostNameType == UriHostNameType.Unknown)
        {
            return false;
        }

        var secure = uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && (uri.Host == "localhost" || uri.Host.EndsWith(".localhost", StringComparison.Ordinal)));
        var serialized = uri.IsDefaultPort ? $"{uri.Scheme}://{uri.IdnHost}" : $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}";
        return secure && string.Equals(serialized, origin, StringComparison.Ordinal);
    }
}
