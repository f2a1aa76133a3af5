using Mfa.Push.Transports;

namespace Mfa.Push;

/// <summary>Where an enrolled device receives notifications (push spec §3.3 <c>push</c>); poll-only devices have none.</summary>
public sealed record PushDeviceAddress
{
    /// <summary>The push service.</summary>
    public required PushAddressKind Kind { get; init; }

    /// <summary>The Web Push endpoint URL, FCM registration token, APNs device token (hex) or in-process id.</summary>
    public required string Target { get; init; }

    /// <summary>Web Push: the subscription's <c>p256dh</c> key (65-octet uncompressed point, base64url).</summary>
    public string? WebPushP256dh { get; init; }

    /// <summary>Web Push: the subscription's <c>auth</c> secret (16 octets, base64url).</summary>
    public string? WebPushAuth { get; init; }

    /// <summary>APNs: the app's bundle id (the <c>apns-topic</c>).</summary>
    public string? ApnsTopic { get; init; }

    /// <summary>APNs: <c>production</c> or <c>sandbox</c> (a token only works against its own environment).</summary>
    public string? ApnsEnvironment { get; init; }

    /// <summary>The address in the transport contract's form.</summary>
    /// <returns>The transport address.</returns>
    public PushAddress ToTransportAddress() => new(Kind, Target, WebPushP256dh, WebPushAuth);

    /// <inheritdoc />
    public override string ToString() => $"PushDeviceAddress {{ Kind = {Kind} }}";
}
