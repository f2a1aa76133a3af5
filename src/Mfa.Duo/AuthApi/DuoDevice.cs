namespace Mfa.Duo.AuthApi;

/// <summary>A device preauth lists (text is untrusted display text, control characters removed).</summary>
/// <param name="Id">The device id to pass to auth (<c>DP…</c> phones, <c>DH…</c> tokens).</param>
/// <param name="Type"><c>phone</c> or <c>token</c>.</param>
/// <param name="Name">The device name.</param>
/// <param name="DisplayName">A display name, e.g. "iPhone (XXX-XXX-4788)".</param>
/// <param name="Number">The masked phone number, when any.</param>
/// <param name="Capabilities">What it can do.</param>
public sealed record DuoDevice(string Id, string? Type, string? Name, string? DisplayName, string? Number, DuoDeviceCapabilities Capabilities);
