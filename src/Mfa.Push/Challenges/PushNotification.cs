using Mfa.Push.Transports;

namespace Mfa.Push.Challenges;

/// <summary>One wake-up notification to send for a new challenge (push spec §4.6): ids only.</summary>
/// <param name="CredentialId">The device.</param>
/// <param name="Address">Where to send it.</param>
/// <param name="Message">What to send.</param>
public sealed record PushNotification(string CredentialId, PushAddress Address, PushMessage Message);
