namespace Mfa.Duo.Jwt;

/// <summary>The device that approved (<c>auth_context.auth_device</c>).</summary>
/// <param name="Ip">Its IP address, when known.</param>
/// <param name="Name">Its name (e.g. a phone number or model), when known.</param>
/// <param name="Location">Its location, when known.</param>
public sealed record DuoAuthDevice(string? Ip, string? Name, DuoLocation? Location);
