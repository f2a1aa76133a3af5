using Mfa.Core.Storage;

namespace Mfa.Testing.Faults;

/// <summary>
/// Injects <see cref="MfaStoreException"/> into store calls through the store abstraction: counts every call of the
/// wrapped stores and, once armed, fails call number <c>n</c> (0-based from <see cref="FailFrom"/>) and every later call until
/// <see cref="Heal"/> — the store went down at that point. In <see cref="StoreFaultTiming.AfterCall"/> mode the faulted call
/// still runs against the real store first, like a commit whose acknowledgement was lost.
/// </summary>
public sealed class StoreFaultInjector
{
    private int _calls;
    private int? _failFrom;

    /// <summary>Whether a faulted call runs against the store before it throws.</summary>
    public StoreFaultTiming Timing { get; private set; }

    /// <summary>How many store calls were made since the last <see cref="FailFrom"/> or <see cref="Heal"/>.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>How many calls were failed since it was armed.</summary>
    public int Faults { get; private set; }

    /// <summary>Arms the injector: call <paramref name="callIndex"/> from now on, and all after it, fail.</summary>
    /// <param name="callIndex">The first call to fail (0 = the next one).</param>
    /// <param name="timing">Whether the faulted call reaches the store first.</param>
    public void FailFrom(int callIndex, StoreFaultTiming timing = StoreFaultTiming.BeforeCall)
    {
        _calls = 0;
        Faults = 0;
        Timing = timing;
        _failFrom = callIndex;
    }

    /// <summary>The store is back: no call fails.</summary>
    public void Heal()
    {
        _failFrom = null;
        _calls = 0;
    }

    /// <summary>Wraps a store so its calls go through this injector.</summary>
    /// <typeparam name="T">The store interface.</typeparam>
    /// <param name="inner">The real store.</param>
    /// <returns>The faulting decorator.</returns>
    public T Wrap<T>(T inner)
        where T : class => FaultingStoreProxy<T>.Create(inner, this);

    /// <summary>Decides one call: whether it fails.</summary>
    internal bool NextCallFails()
    {
        var index = Interlocked.Increment(ref _calls) - 1;
        if (_failFrom is { } from && index >= from)
        {
            Faults++;
            return true;
        }

        return false;
    }
}
