namespace Mfa.Push.Transports.Fcm;

/// <summary>Options for the Firebase Cloud Messaging HTTP v1 transport.</summary>
public sealed class FcmOptions
{
    /// <summary>The name of the <see cref="HttpClient"/> the transport takes from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "Mfa.Push.Fcm";

    /// <summary>
    /// The Firebase service-account key file's JSON (<c>client_email</c>, <c>private_key</c>, <c>private_key_id</c>,
    /// <c>project_id</c>, <c>token_uri</c>). A secret: load it from a secret store.
    /// </summary>
    /// <value>Required.</value>
    public string? ServiceAccountJson { get; set; }

    /// <summary>The Firebase project to send through, when it differs from the service account's <c>project_id</c>.</summary>
    /// <value>Default null (the service account's project).</value>
    public string? ProjectId { get; set; }

    /// <summary>The FCM API base address.</summary>
    /// <value>Default https://fcm.googleapis.com/; must be an absolute https URI.</value>
    public Uri Endpoint { get; set; } = new("https://fcm.googleapis.com/");

    /// <summary>The visible notification's title: generic, never the account, the number or the location (push spec §4.6).</summary>
    /// <value>Default "Sign-in request"; 1 to 100 characters.</value>
    public string NotificationTitle { get; set; } = "Sign-in request";

    /// <summary>The visible notification's text.</summary>
    /// <value>Default "Open to review"; 1 to 200 characters.</value>
    public string NotificationBody { get; set; } = "Open to review";

    /// <summary>The notification category for iOS devices reached through FCM (the app's actionable category).</summary>
    /// <value>Default "MFA_PUSH"; 1 to 64 characters.</value>
    public string ApnsCategory { get; set; } = "MFA_PUSH";

    /// <summary>The collapse key: a newer message replaces an undelivered older one with the same key.</summary>
    /// <value>Default "mfa"; 1 to 64 characters.</value>
    public string CollapseKey { get; set; } = "mfa";

    /// <summary>How long one request (token or send) may take before it counts as a transient failure.</summary>
    /// <value>Default 10 seconds; 1 second to 2 minutes.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
