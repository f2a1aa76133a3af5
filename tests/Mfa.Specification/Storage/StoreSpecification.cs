using Microsoft.Extensions.Time.Testing;

namespace Mfa.Specification.Storage;

/// <summary>
/// The common frame of every store contract suite: a fresh, empty store per test, a second instance over the same data
/// (another app server), a manual clock, and helpers to race many callers.
/// </summary>
/// <typeparam name="TStore">The store interface under test.</typeparam>
/// <remarks>
/// Timestamps in the suites are whole milliseconds in UTC: a store may keep time at millisecond precision, no coarser.
/// </remarks>
public abstract class StoreSpecification<TStore>
    where TStore : class
{
    /// <summary>How many callers each race starts at once.</summary>
    protected const int RaceWidth = 32;

    private TStore? _store;
    private TStore? _peer;

    /// <summary>The clock the tests move; starts at 2026-01-01T00:00:00Z.</summary>
    protected FakeTimeProvider Time { get; private set; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>The store under test, fresh and empty for each test.</summary>
    protected TStore Store => _store ?? throw new InvalidOperationException("The store is created in SetUp.");

    /// <summary>A second instance over the same data (another app server, another connection pool), or <see cref="Store"/> itself.</summary>
    protected TStore Peer => _peer ?? throw new InvalidOperationException("The peer is created in SetUp.");

    /// <summary>The current time of <see cref="Time"/>.</summary>
    protected DateTimeOffset Now => Time.GetUtcNow();

    [SetUp]
    public async Task CreateStoresAsync()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _store = await CreateStoreAsync(Time);
        _peer = await CreatePeerAsync(_store, Time);
    }

    [TearDown]
    public async Task DisposeStoresAsync()
    {
        if (_peer is not null && !ReferenceEquals(_peer, _store))
        {
            await DisposeStoreAsync(_peer);
        }

        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
        }

        _store = null;
        _peer = null;
    }

    /// <summary>Creates a fresh, empty store.</summary>
    /// <param name="time">The test clock, for stores that read time themselves.</param>
    /// <returns>The store.</returns>
    protected abstract Task<TStore> CreateStoreAsync(TimeProvider time);

    /// <summary>Creates a second instance over the same data as <paramref name="store"/>; by default <paramref name="store"/> itself.</summary>
    /// <param name="store">The store from <see cref="CreateStoreAsync"/>.</param>
    /// <param name="time">The test clock.</param>
    /// <returns>The peer.</returns>
    protected virtual Task<TStore> CreatePeerAsync(TStore store, TimeProvider time) => Task.FromResult(store);

    /// <summary>Releases a store made by <see cref="CreateStoreAsync"/> or <see cref="CreatePeerAsync"/>.</summary>
    /// <param name="store">The store.</param>
    /// <returns>A task.</returns>
    protected virtual async Task DisposeStoreAsync(TStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    /// <summary>Runs <see cref="RaceWidth"/> callers at once, alternating between <see cref="Store"/> and <see cref="Peer"/>, all released together.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="call">One caller's operation, given the store instance it must use.</param>
    /// <returns>Every caller's result.</returns>
    protected async Task<T[]> RaceAsync<T>(Func<TStore, Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, RaceWidth).Select(i =>
        {
            var store = i % 2 == 0 ? Store : Peer;
            return Task.Run(async () =>
            {
                await start.Task;
                return await call(store);
            });
        }).ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>
    /// Strings a client can send but no SQL store can hold (a NUL character, a lone surrogate): looking one up must find
    /// nothing rather than fail. Kept out of test names, which end up in XML reports.
    /// </summary>
    protected static IReadOnlyList<string> Unstorable { get; } = ["id\0with-nul", "id\uD800-lone-surrogate", "\uDC00"];

    /// <summary>A random identifier, so that tests never depend on each other's data.</summary>
    /// <param name="prefix">A readable prefix.</param>
    /// <returns>The id.</returns>
    protected static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N");
}
