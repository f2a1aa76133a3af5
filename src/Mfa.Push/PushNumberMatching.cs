namespace Mfa.Push;

/// <summary>How the login page's number reaches the approval (push spec §4.4). Values are stable.</summary>
public enum PushNumberMatching
{
    /// <summary>The login page shows the number; the user types it on the phone. The number never travels to the device. Default.</summary>
    Enter = 0,

    /// <summary>The login page shows the number; the phone offers several options (1 in 3 guess chance with 3). Prefer <see cref="Enter"/>.</summary>
    Choose = 1,

    /// <summary>Approve or deny only. Not recommended and not NIST SP 800-63B conformant.</summary>
    Off = 2,

    /// <summary><see cref="Enter"/> when the host flags the sign-in as risky, else <see cref="Off"/>.</summary>
    Risk = 3,
}
