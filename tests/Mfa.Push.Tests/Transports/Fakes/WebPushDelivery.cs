namespace Mfa.Push.Tests.Transports.Fakes;

/// <summary>A message the fake Web Push service accepted and decrypted.</summary>
internal sealed record WebPushDelivery(string Ttl, string Urgency, string Topic, string Authorization, int BodyLength, byte[] Plaintext);
