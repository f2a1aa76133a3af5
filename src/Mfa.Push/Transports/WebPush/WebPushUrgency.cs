namespace Mfa.Push.Transports.WebPush;

/// <summary>The <c>Urgency</c> header of a push message (RFC 8030 §5.3). Values are stable.</summary>
public enum WebPushUrgency
{
    /// <summary><c>very-low</c>: on power and Wi-Fi.</summary>
    VeryLow = 0,

    /// <summary><c>low</c>: on either power or Wi-Fi.</summary>
    Low = 1,

    /// <summary><c>normal</c>: neither power nor Wi-Fi (the service's default).</summary>
    Normal = 2,

    /// <summary><c>high</c>: low battery too — what a sign-in prompt needs.</summary>
    High = 3,
}
