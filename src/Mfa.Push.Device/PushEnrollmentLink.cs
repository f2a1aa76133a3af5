using System.Diagnostics.CodeAnalysis;
using Mfa.Push.Device.Jose;

namespace Mfa.Push.Device;

/// <summary>The enrollment QR code's URI (push spec §3.2): <c>mfapush://enroll?v=1&amp;url=…&amp;eid=…&amp;t=…&amp;iss=…&amp;acct=…&amp;skh=…</c>.</summary>
/// <remarks>A bearer secret: never log it.</remarks>
public sealed class PushEnrollmentLink
{
    private PushEnrollmentLink(Uri url, string enrollmentId, string token, string issuer, string account, string serverKeyHash)
    {
        Url = url;
        EnrollmentId = enrollmentId;
        Token = token;
        Issuer = issuer;
        Account = account;
        ServerKeyHash = serverKeyHash;
    }

    /// <summary>The https enrollment endpoint (show its host to the user before enrolling).</summary>
    public Uri Url { get; }

    /// <summary>The verifier id: the origin of <see cref="Url"/>.</summary>
    public string VerifierId => Url.GetLeftPart(UriPartial.Authority);

    /// <summary>The enrollment id (<c>eid</c>).</summary>
    public string EnrollmentId { get; }

    /// <summary>The one-time token (<c>t</c>).</summary>
    public string Token { get; }

    /// <summary>The issuer label (display only).</summary>
    public string Issuer { get; }

    /// <summary>The account label (display only).</summary>
    public string Account { get; }

    /// <summary>The pin of the server's challenge key: base64url SHA-256 of its DER SubjectPublicKeyInfo (<c>skh</c>).</summary>
    public string ServerKeyHash { get; }

    /// <summary>Parses and checks the URI (push spec §3.3 step 1: <c>v == 1</c>, https URL, all fields present).</summary>
    /// <param name="uri">The scanned URI.</param>
    /// <param name="link">The link.</param>
    /// <param name="error">Why not.</param>
    /// <returns>Whether the URI is a usable enrollment link.</returns>
    public static bool TryParse(string? uri, [NotNullWhen(true)] out PushEnrollmentLink? link, out PushDeviceError error)
    {
        link = null;
        error = PushDeviceError.Malformed;
        const string Prefix = "mfapush://enroll?";
        if (uri is null || uri.Length > 4096 || !uri.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in uri[Prefix.Length..].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return false;
            }

            string value;
            try
            {
                value = Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
            catch (UriFormatException)
            {
                return false;
            }

            if (!values.TryAdd(pair[..equals], value))
            {
                return false;
            }
        }

        if (!values.TryGetValue("v", out var version) || !values.TryGetValue("url", out var url) || !values.TryGetValue("eid", out var eid)
            || !values.TryGetValue("t", out var token) || !values.TryGetValue("skh", out var skh)
            || !Base64UrlStrict.IsEncodingOf(skh, 32) || eid.Length == 0 || token.Length == 0)
        {
            return false;
        }

        if (version != "1" || !Uri.TryCreate(url, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            error = PushDeviceError.Unsupported;
            return false;
        }

        link = new PushEnrollmentLink(endpoint, eid, token, values.GetValueOrDefault("iss", string.Empty), values.GetValueOrDefault("acct", string.Empty), skh);
        error = PushDeviceError.None;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"PushEnrollmentLink {{ Url = {Url} }}";
}
