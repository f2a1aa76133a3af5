namespace Mfa.Push.Transports;

/// <summary>Sends one notification to one device (Web Push, FCM, APNs, or in-process for tests and samples).</summary>
/// <remarks>
/// A transport never throws for a network, service or device fault: it reports it as a <see cref="PushSendResult"/>.
/// The challenge never depends on delivery: a device whose notification was lost pulls its pending challenges.
/// </remarks>
public interface IPushTransport
{
    /// <summary>The kind of address this transport delivers to.</summary>
    PushAddressKind Kind { get; }

    /// <summary>Sends <paramref name="message"/> to the device at <paramref name="address"/>.</summary>
    /// <param name="address">The device's push address.</param>
    /// <param name="message">The notification: ids only, nothing a push service could read about the sign-in.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the push service accepted it, or why not.</returns>
    ValueTask<PushSendResult> SendAsync(PushAddress address, PushMessage message, CancellationToken cancellationToken = default);
}
