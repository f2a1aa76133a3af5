namespace Mfa.Duo.AuthApi;

/// <summary>What a preauth device can do (spec §3.3). Hardware tokens have none but still take passcodes.</summary>
[Flags]
public enum DuoDeviceCapabilities
{
    /// <summary>None listed.</summary>
    None = 0,

    /// <summary><c>auto</c>.</summary>
    Auto = 1,

    /// <summary><c>push</c>: Duo Mobile activated for push.</summary>
    Push = 2,

    /// <summary><c>phone</c>: voice calls.</summary>
    Phone = 4,

    /// <summary><c>sms</c>: SMS passcode batches.</summary>
    Sms = 8,

    /// <summary><c>mobile_otp</c>: Duo Mobile generates passcodes.</summary>
    MobileOtp = 16,
}
