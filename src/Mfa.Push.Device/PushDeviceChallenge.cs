namespace Mfa.Push.Device;

/// <summary>A challenge whose server signature verified under the pinned key (push spec §4.5): what the app shows and answers.</summary>
public sealed class PushDeviceChallenge
{
    internal PushDeviceChallenge(string token, string challengeId, string nonce, DateTimeOffset expiresAt)
    {
        Token = token;
        ChallengeId = challengeId;
        Nonce = nonce;
        ExpiresAt = expiresAt;
    }

    /// <summary>The challenge token exactly as received (its hash goes into the answer).</summary>
    public string Token { get; }

    /// <summary>The challenge id (<c>cid</c>).</summary>
    public string ChallengeId { get; }

    /// <summary>The nonce to echo.</summary>
    public string Nonce { get; }

    /// <summary>When the challenge expires (server time).</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary><c>login</c>, <c>stepup</c>, <c>enroll</c> or <c>reset</c>.</summary>
    public string Transaction { get; internal init; } = "login";

    /// <summary>The application asking.</summary>
    public string? Application { get; internal init; }

    /// <summary>The client's IP address.</summary>
    public string? IpAddress { get; internal init; }

    /// <summary>The approximate location, as "city, region, country" (label it approximate).</summary>
    public string? ApproximateLocation { get; internal init; }

    /// <summary>When the request was made (RFC 3339 UTC; render in local time).</summary>
    public string? Time { get; internal init; }

    /// <summary>A browser and OS summary.</summary>
    public string? UserAgent { get; internal init; }

    /// <summary>The account (show only inside the app).</summary>
    public string? Account { get; internal init; }

    /// <summary>The number-matching mode: <c>enter</c>, <c>choose</c> or <c>off</c>.</summary>
    public string NumberMode { get; internal init; } = "off";

    /// <summary>In <c>enter</c> mode, how many digits to ask for.</summary>
    public int NumberLength { get; internal init; }

    /// <summary>In <c>choose</c> mode, the options to offer.</summary>
    public IReadOnlyList<string> NumberOptions { get; internal init; } = [];

    /// <summary><c>required</c>, <c>preferred</c> or <c>discouraged</c>: whether an approval must be signed by the UV key.</summary>
    public string UserVerification { get; internal init; } = "required";

    /// <inheritdoc />
    public override string ToString() => $"PushDeviceChallenge {{ ChallengeId = {ChallengeId} }}";
}
