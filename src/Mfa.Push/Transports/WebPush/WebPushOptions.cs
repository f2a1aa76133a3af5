namespace Mfa.Push.Transports.WebPush;

/// <summary>Options for the Web Push transport (RFC 8030 delivery, RFC 8291 encryption, RFC 8292 VAPID).</summary>
public sealed class WebPushOptions
{
    /// <summary>The name of the <see cref="HttpClient"/> the transport takes from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "Mfa.Push.WebPush";

    /// <summary>The VAPID contact (RFC 8292 §2.1 <c>sub</c>): a <c>mailto:</c> or <c>https:</c> URI the push service can reach you at.</summary>
    /// <value>Required.</value>
    public string? VapidSubject { get; set; }

    /// <summary>The VAPID public key: a 65-octet uncompressed P-256 point, base64url (the browser's <c>applicationServerKey</c>).</summary>
    /// <value>Required; must belong to <see cref="VapidPrivateKey"/>. See <see cref="VapidKeyPair.Generate"/>.</value>
    public string? VapidPublicKey { get; set; }

    /// <summary>The VAPID private key: the 32-octet P-256 scalar, base64url. A secret: load it from a secret store.</summary>
    /// <value>Required. Never the challenge-signing key or any other key (push spec §2).</value>
    public string? VapidPrivateKey { get; set; }

    /// <summary>How long a VAPID token is valid (<c>exp</c> − now). Tokens are cached per push-service origin and renewed at half life.</summary>
    /// <value>Default 12 hours; 5 minutes to 23 hours (RFC 8292 §2: <c>exp</c> no more than 24 hours ahead; an hour is kept for clock skew).</value>
    public TimeSpan VapidTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The <c>Urgency</c> header.</summary>
    /// <value>Default <see cref="WebPushUrgency.High"/>.</value>
    public WebPushUrgency Urgency { get; set; } = WebPushUrgency.High;

    /// <summary>The <c>Topic</c> header: a newer message with the same topic replaces an undelivered older one; null for none.</summary>
    /// <value>Default "mfa"; at most 32 characters of the base64url alphabet (RFC 8030 §5.4).</value>
    public string? Topic { get; set; } = "mfa";

    /// <summary>The padded plaintext length: every message is padded to at least this size so its length tells the push service nothing.</summary>
    /// <value>Default 256; 0 (no padding) to 3993.</value>
    public int PaddedPayloadLength { get; set; } = 256;

    /// <summary>
    /// The push services a subscription endpoint may point at: a host matches an entry equal to it or ending in
    /// "." + entry. The endpoint comes from the device, so without this list the server would POST to any https address
    /// a user enrolls (server-side request forgery towards internal services). Empty allows every host.
    /// </summary>
    /// <value>
    /// Default the browsers' push services: fcm.googleapis.com and android.googleapis.com (Chrome, Edge on Android),
    /// push.services.mozilla.com (Firefox), notify.windows.com (Edge), push.apple.com (Safari).
    /// </value>
    public ISet<string> AllowedEndpointHosts { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "fcm.googleapis.com",
        "android.googleapis.com",
        "push.services.mozilla.com",
        "notify.windows.com",
        "push.apple.com",
    };

    /// <summary>How long one request may take before it counts as a transient failure.</summary>
    /// <value>Default 10 seconds; 1 second to 2 minutes.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
