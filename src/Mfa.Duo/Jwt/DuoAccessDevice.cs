namespace Mfa.Duo.Jwt;

/// <summary>The device the user signed in from (<c>auth_context.access_device</c>).</summary>
/// <param name="Ip">Its IP address.</param>
/// <param name="Hostname">Its host name.</param>
/// <param name="Browser">The browser.</param>
/// <param name="BrowserVersion">The browser version.</param>
/// <param name="Os">The operating system.</param>
/// <param name="OsVersion">The operating-system version.</param>
/// <param name="Location">Its location.</param>
public sealed record DuoAccessDevice(string? Ip, string? Hostname, string? Browser, string? BrowserVersion, string? Os, string? OsVersion, DuoLocation? Location);
