namespace Mfa.Push.Challenges;

/// <summary>What the phone shows about the request (push spec §4.3), given by the host. Every member is optional and display only.</summary>
/// <remarks>Nothing here reaches a push service: the device fetches it over its authenticated call (spec §4.6).</remarks>
public sealed record PushContext
{
    /// <summary>The relying application's display name (<c>app</c>).</summary>
    public string? Application { get; init; }

    /// <summary>The client's IP address as the host sees it (<c>ip</c>); use forwarded headers only from trusted proxies.</summary>
    public string? IpAddress { get; init; }

    /// <summary>The approximate location (<c>geo</c>), if the host resolves one.</summary>
    public PushLocation? Location { get; init; }

    /// <summary>A short browser and OS summary (<c>ua</c>).</summary>
    public string? UserAgent { get; init; }

    /// <summary>The account label, shown only inside the app (<c>acct</c>).</summary>
    public string? AccountLabel { get; init; }

    /// <summary>What is being approved (<c>tx</c>).</summary>
    public PushTransactionType Transaction { get; init; }

    /// <summary>Whether the host's risk signal flags this request (used by <see cref="PushNumberMatching.Risk"/>).</summary>
    public bool HighRisk { get; init; }
}
