namespace Mfa.Sample.Web.Phone;

/// <summary>A sign-in request as the phone page shows it (read from the server-signed challenge token).</summary>
internal sealed record PhoneChallenge(
    string ChallengeId,
    string? Application,
    string? IpAddress,
    string? Account,
    string NumberMode,
    int NumberLength,
    IReadOnlyList<string> NumberOptions,
    DateTimeOffset ExpiresAt);
