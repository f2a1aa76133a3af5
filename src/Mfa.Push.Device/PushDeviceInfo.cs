namespace Mfa.Push.Device;

/// <summary>What the device tells the verifier about itself at enrollment (push spec §3.3 <c>dev</c>; display and audit only).</summary>
/// <param name="Platform"><c>android</c>, <c>ios</c> or <c>web</c>.</param>
/// <param name="Name">The device's display name.</param>
/// <param name="AppVersion">The app version.</param>
/// <param name="OsVersion">The OS version.</param>
public sealed record PushDeviceInfo(string Platform, string Name, string AppVersion, string OsVersion);
