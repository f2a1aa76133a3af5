namespace Mfa.Push.Transports.Apns;

/// <summary>Options for the Apple Push Notification service transport (token-based authentication, HTTP/2).</summary>
public sealed class ApnsOptions
{
    /// <summary>The name of the <see cref="HttpClient"/> the transport takes from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "Mfa.Push.Apns";

    /// <summary>The 10-character Key ID of the APNs authentication key (the provider token's <c>kid</c>).</summary>
    /// <value>Required.</value>
    public string? KeyId { get; set; }

    /// <summary>The 10-character Team ID of the developer account (the provider token's <c>iss</c>).</summary>
    /// <value>Required.</value>
    public string? TeamId { get; set; }

    /// <summary>The app's bundle id (<c>apns-topic</c>).</summary>
    /// <value>Required.</value>
    public string? Topic { get; set; }

    /// <summary>The contents of the <c>.p8</c> key file (PKCS#8 PEM, P-256). A secret: load it from a secret store.</summary>
    /// <value>Required.</value>
    public string? PrivateKey { get; set; }

    /// <summary>The environment the devices' tokens belong to.</summary>
    /// <value>Default <see cref="ApnsEnvironment.Production"/>.</value>
    public ApnsEnvironment Environment { get; set; } = ApnsEnvironment.Production;

    /// <summary>Another APNs address (a proxy or port 2197); null for the environment's host.</summary>
    /// <value>Default null; when set, an absolute https URI.</value>
    public Uri? Endpoint { get; set; }

    /// <summary>How often the provider token is replaced.</summary>
    /// <value>Default 50 minutes; 20 to 55 minutes (Apple: no more than once every 20 minutes, no token older than 60 minutes).</value>
    public TimeSpan ProviderTokenRefreshInterval { get; set; } = TimeSpan.FromMinutes(50);

    /// <summary>The visible alert's title: generic, never the account, the number or the location (push spec §4.6).</summary>
    /// <value>Default "Sign-in request"; 1 to 100 characters.</value>
    public string NotificationTitle { get; set; } = "Sign-in request";

    /// <summary>The visible alert's text.</summary>
    /// <value>Default "Open to review"; 1 to 200 characters.</value>
    public string NotificationBody { get; set; } = "Open to review";

    /// <summary>The notification category (the app's actionable category).</summary>
    /// <value>Default "MFA_PUSH"; 1 to 64 characters.</value>
    public string Category { get; set; } = "MFA_PUSH";

    /// <summary>The <c>apns-collapse-id</c>: a newer notification replaces an older one with the same id.</summary>
    /// <value>Default "mfa"; 1 to 64 characters.</value>
    public string CollapseId { get; set; } = "mfa";

    /// <summary>How long one request may take before it counts as a transient failure.</summary>
    /// <value>Default 10 seconds; 1 second to 2 minutes.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    internal Uri BaseAddress => Endpoint ?? (Environment == ApnsEnvironment.Development
        ? new Uri("https://api.sandbox.push.apple.com/")
        : new Uri("https://api.push.apple.com/"));
}
