namespace Mfa.Push.Transports.WebPush;

/// <summary>The header of an <c>aes128gcm</c> body (RFC 8188 §2.1).</summary>
internal readonly record struct Aes128GcmHeader(byte[] Salt, int RecordSize, byte[] KeyId)
{
    /// <summary>The header's length in octets: 21 plus the key id.</summary>
    public int Length => Aes128GcmContentCoding.FixedHeaderLength + KeyId.Length;
}
