namespace Mfa.Push.Transports.WebPush;

/// <summary>Every intermediate of the RFC 8291 §3.3–§3.4 key derivation, kept for the Appendix A test vector.</summary>
internal sealed record WebPushKeySchedule(byte[] EcdhSecret, byte[] PrkKey, byte[] KeyInfo, byte[] Ikm, Aes128GcmKeys ContentKeys);
