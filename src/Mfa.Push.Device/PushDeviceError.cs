namespace Mfa.Push.Device;

/// <summary>Why the device refused something from the server or the QR code. Values are stable.</summary>
public enum PushDeviceError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>Not well-formed: bad URI, bad base64url, JSON that is not strict, missing members.</summary>
    Malformed = 1,

    /// <summary>The enrollment URL is not https, or the version is not 1.</summary>
    Unsupported = 2,

    /// <summary>The server key in the enrollment response does not match the QR code's pin (<c>skh</c>).</summary>
    ServerKeyMismatch = 3,

    /// <summary>The server's signature does not verify under the pinned key.</summary>
    InvalidSignature = 4,

    /// <summary>The challenge is for another verifier, device or user.</summary>
    WrongAudience = 5,

    /// <summary>The challenge has expired (device clock, with 120 seconds of allowance).</summary>
    Expired = 6,

    /// <summary>The device is not enrolled yet.</summary>
    NotEnrolled = 7,

    /// <summary>The answer needs a number (or a number among the offered options) and none valid was given.</summary>
    NumberRequired = 8,

    /// <summary>This challenge was already answered on this device.</summary>
    AlreadyAnswered = 9,
}
