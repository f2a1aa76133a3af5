namespace Mfa.Push.Factor;

/// <summary>What a device endpoint answers the phone: an HTTP status and, when there is one, the JSON body.</summary>
/// <param name="StatusCode">The HTTP status (200, 401 without a body, 404).</param>
/// <param name="Json">The body, or <see langword="null"/> for none.</param>
public sealed record PushDeviceReply(int StatusCode, string? Json);
