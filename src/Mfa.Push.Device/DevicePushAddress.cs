using System.Text.Json;

namespace Mfa.Push.Device;

/// <summary>The device's push address as the enrollment and update tokens carry it (push spec §3.3 <c>push</c>).</summary>
public sealed class DevicePushAddress
{
    private readonly Action<Utf8JsonWriter> _write;

    private DevicePushAddress(string type, Action<Utf8JsonWriter> write)
    {
        Type = type;
        _write = write;
    }

    /// <summary>Poll only: no notifications, the app pulls (push spec §4.7).</summary>
    public static DevicePushAddress Poll { get; } = new("poll", _ => { });

    /// <summary>The type: <c>fcm</c>, <c>apns</c>, <c>webpush</c>, <c>poll</c> or <c>inprocess</c>.</summary>
    public string Type { get; }

    /// <summary>A Firebase Cloud Messaging registration token.</summary>
    /// <param name="token">The registration token.</param>
    /// <returns>The address.</returns>
    public static DevicePushAddress Fcm(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new("fcm", w => w.WriteString("token", token));
    }

    /// <summary>An APNs device token.</summary>
    /// <param name="token">The device token, hex.</param>
    /// <param name="topic">The app's bundle id.</param>
    /// <param name="production">Whether the token belongs to the production environment (else sandbox).</param>
    /// <returns>The address.</returns>
    public static DevicePushAddress Apns(string token, string topic, bool production)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(topic);
        return new("apns", w =>
        {
            w.WriteString("token", token);
            w.WriteString("topic", topic);
            w.WriteString("env", production ? "production" : "sandbox");
        });
    }

    /// <summary>A Web Push subscription.</summary>
    /// <param name="endpoint">The subscription endpoint (https).</param>
    /// <param name="p256dh">The subscription's P-256 key, base64url.</param>
    /// <param name="auth">The subscription's auth secret, base64url.</param>
    /// <returns>The address.</returns>
    public static DevicePushAddress WebPush(string endpoint, string p256dh, string auth)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(p256dh);
        ArgumentNullException.ThrowIfNull(auth);
        return new("webpush", w =>
        {
            w.WriteString("endpoint", endpoint);
            w.WriteString("p256dh", p256dh);
            w.WriteString("auth", auth);
        });
    }

    /// <summary>An in-process inbox (tests and samples; the verifier must allow it).</summary>
    /// <param name="id">The inbox id.</param>
    /// <returns>The address.</returns>
    public static DevicePushAddress InProcess(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return new("inprocess", w => w.WriteString("id", id));
    }

    internal void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("push");
        writer.WriteString("type", Type);
        _write(writer);
        writer.WriteEndObject();
    }
}
