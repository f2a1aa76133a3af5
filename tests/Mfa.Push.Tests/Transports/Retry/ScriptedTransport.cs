using System.Collections.Concurrent;
using Mfa.Push.Transports;

namespace Mfa.Push.Tests.Transports.Retry;

/// <summary>A transport that answers from a script and counts calls.</summary>
internal sealed class ScriptedTransport(params PushSendResult[] script) : IPushTransport
{
    private readonly ConcurrentQueue<PushSendResult> _script = new(script);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public PushAddressKind Kind => PushAddressKind.InProcess;

    public ValueTask<PushSendResult> SendAsync(PushAddress address, PushMessage message, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult(_script.TryDequeue(out var next) ? next : PushSendResult.Accepted);
    }
}
