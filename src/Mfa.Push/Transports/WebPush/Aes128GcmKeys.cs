namespace Mfa.Push.Transports.WebPush;

/// <summary>The RFC 8188 key schedule for one body: the pseudorandom key, the content-encryption key and the base nonce.</summary>
internal sealed record Aes128GcmKeys(byte[] Prk, byte[] Cek, byte[] Nonce);
