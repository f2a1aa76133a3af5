namespace Mfa.Push.Transports;

/// <summary>Where a device receives notifications.</summary>
/// <param name="Kind">The push service.</param>
/// <param name="Target">
/// The service's address: the Web Push subscription endpoint URL, the FCM registration token, the APNs device token,
/// or an in-process id.
/// </param>
/// <param name="WebPushP256dh">Web Push only: the subscription's P-256 public key (65-byte uncompressed point, base64url).</param>
/// <param name="WebPushAuth">Web Push only: the subscription's 16-byte authentication secret (base64url).</param>
public sealed record PushAddress(PushAddressKind Kind, string Target, string? WebPushP256dh = null, string? WebPushAuth = null)
{
    /// <inheritdoc />
    public override string ToString() => $"PushAddress {{ Kind = {Kind} }}";
}
