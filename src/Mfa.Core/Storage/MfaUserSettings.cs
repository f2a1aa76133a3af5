using Mfa.Core.Policy;

namespace Mfa.Core.Storage;

/// <summary>Per-user MFA settings a directory admin controls.</summary>
/// <param name="UserId">The user.</param>
/// <param name="Requirement">The per-user requirement, or <see langword="null"/> to follow the default.</param>
/// <param name="FirstSeenAt">When the SDK first saw the user (the start of the enrollment grace period).</param>
public sealed record MfaUserSettings(string UserId, MfaRequirement? Requirement, DateTimeOffset FirstSeenAt);
