namespace Mfa.Push.Challenges;

/// <summary>The approximate location of the sign-in from IP geolocation (push spec §4.3 <c>geo</c>); shown labelled as approximate.</summary>
/// <param name="City">The city, if known.</param>
/// <param name="Region">The region, if known.</param>
/// <param name="Country">The country (ISO 3166-1 alpha-2 or a name), if known.</param>
public sealed record PushLocation(string? City, string? Region, string? Country);
