namespace Mfa.Totp.Encoding;

/// <summary>The RFC 4648 Base32 alphabets.</summary>
public enum Base32Alphabet
{
    /// <summary>RFC 4648 §6: A–Z, 2–7. What otpauth:// secrets use.</summary>
    Standard = 0,

    /// <summary>RFC 4648 §7 "base32hex": 0–9, A–V.</summary>
    ExtendedHex = 1,
}
