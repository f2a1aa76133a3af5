using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Mfa.Push.Transports.InProcess;

/// <summary>
/// Delivers notifications inside the process (tests, samples, a phone page served by the host): one inbox per in-process
/// address id. Devices enroll with <c>{"type":"inprocess","id":…}</c> when <see cref="PushOptions.AllowInProcessAddresses"/> is on.
/// </summary>
public sealed class InProcessPushTransport : IPushTransport
{
    private readonly ConcurrentDictionary<string, Channel<PushMessage>> _inboxes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _gone = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public PushAddressKind Kind => PushAddressKind.InProcess;

    /// <inheritdoc />
    public ValueTask<PushSendResult> SendAsync(PushAddress address, PushMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (address.Kind != PushAddressKind.InProcess)
        {
            return ValueTask.FromResult(new PushSendResult(PushSendOutcome.ConfigError, Detail: "not an in-process address"));
        }

        if (_gone.ContainsKey(address.Target))
        {
            return ValueTask.FromResult(new PushSendResult(PushSendOutcome.InvalidAddress, Detail: "unregistered"));
        }

        Inbox(address.Target).Writer.TryWrite(message);
        return ValueTask.FromResult(PushSendResult.Accepted);
    }

    /// <summary>Takes the next notification for <paramref name="id"/> without waiting.</summary>
    /// <param name="id">The in-process address id.</param>
    /// <param name="message">The notification.</param>
    /// <returns>Whether one was waiting.</returns>
    public bool TryReceive(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PushMessage? message)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Inbox(id).Reader.TryRead(out message);
    }

    /// <summary>Waits for the next notification for <paramref name="id"/>.</summary>
    /// <param name="id">The in-process address id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The notification.</returns>
    public ValueTask<PushMessage> ReceiveAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Inbox(id).Reader.ReadAsync(cancellationToken);
    }

    /// <summary>Makes <paramref name="id"/> behave like an unregistered device: sends report <see cref="PushSendOutcome.InvalidAddress"/>.</summary>
    /// <param name="id">The in-process address id.</param>
    public void Unregister(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        _gone[id] = 0;
    }

    private Channel<PushMessage> Inbox(string id) =>
        _inboxes.GetOrAdd(id, static _ => Channel.CreateUnbounded<PushMessage>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false }));
}
