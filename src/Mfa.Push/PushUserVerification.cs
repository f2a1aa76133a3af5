namespace Mfa.Push;

/// <summary>Whether an approval must be signed by the device's user-verification key (push spec §4.5 <c>uv</c>). Values are stable.</summary>
public enum PushUserVerification
{
    /// <summary>Approvals must be signed by the UV key (biometric or PIN per use). Default for devices with a UV key.</summary>
    Required = 0,

    /// <summary>Either key may sign; approvals by the UV key are reported as user-verified.</summary>
    Preferred = 1,

    /// <summary>The possession key signs; approvals are single-factor. What devices without a UV key get.</summary>
    Discouraged = 2,
}
