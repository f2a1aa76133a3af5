namespace Mfa.Push.Transports;

/// <summary>The push service a device is reached through. Values are stable (they are stored).</summary>
public enum PushAddressKind
{
    /// <summary>Delivered in process (tests, samples, a phone page served by the host).</summary>
    InProcess = 0,

    /// <summary>A Web Push subscription (RFC 8030), encrypted with RFC 8291 and authorized with VAPID (RFC 8292).</summary>
    WebPush = 1,

    /// <summary>A Firebase Cloud Messaging registration token (HTTP v1 API).</summary>
    Fcm = 2,

    /// <summary>An Apple Push Notification service device token.</summary>
    Apns = 3,
}
