using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Mfa.Push.Factor;

/// <summary>
/// Delivery feedback for the device records: a push service that reports an address unregistered (Web Push 404/410,
/// FCM <c>UNREGISTERED</c>, APNs 410) marks the device's address not working, so the user's status shows the device as
/// unusable until the phone registers a new address (push spec §3.5). This is the one write the push factor makes
/// outside the service: it is delivery state, not verification state, and it is guarded by the record's concurrency
/// token (a record that changed meanwhile is left alone; the next failed delivery marks it).
/// </summary>
internal sealed class PushDeviceRegistry(IAuthenticatorStore authenticators, ILogger<PushDeviceRegistry> logger)
{
    public async Task MarkAddressGoneAsync(AuthenticatorRecord record, PushDeviceCredential device, CancellationToken cancellationToken)
    {
        if (!device.AddressValid)
        {
            return;
        }

        var updated = record with { Data = JsonSerializer.Serialize(device with { AddressValid = false }, PushJsonContext.Default.PushDeviceCredential) };
        if (await authenticators.TryUpdateAsync(updated, cancellationToken).ConfigureAwait(false) is not null)
        {
            PushFactorLog.DeviceMarkedGone(logger, record.UserId, record.Id);
        }
    }
}
