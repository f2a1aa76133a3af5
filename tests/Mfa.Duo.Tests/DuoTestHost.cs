using System.Net;
using Mfa.Duo.AuthApi;
using Mfa.Duo.Emulator;
using Mfa.Duo.Failmode;
using Mfa.Duo.Http;
using Mfa.Duo.UniversalPrompt;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Duo.Tests;

/// <summary>The clients wired by <c>AddDuo</c>, against a running emulator (or a stub handler), sharing one manual clock.</summary>
internal sealed class DuoTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    public static readonly Uri Redirect = new("https://app.example/duo/callback");

    private DuoTestHost(FakeTimeProvider time, DuoEmulator? emulator, ServiceProvider services)
    {
        Time = time;
        Emulator = emulator;
        Services = services;
    }

    public FakeTimeProvider Time { get; }

    public DuoEmulator? Emulator { get; }

    public DuoEmulator Duo => Emulator ?? throw new InvalidOperationException("no emulator");

    public ServiceProvider Services { get; }

    public IDuoUniversalClient Universal => Services.GetRequiredService<IDuoUniversalClient>();

    public IDuoAuthApiClient AuthApi => Services.GetRequiredService<IDuoAuthApiClient>();

    public DuoFailmodeEvaluator Failmode => Services.GetRequiredService<DuoFailmodeEvaluator>();

    public static async Task<DuoTestHost> StartAsync(Action<DuoOptions>? configure = null, Action<DuoEmulatorOptions>? emulatorOptions = null)
    {
        var time = new FakeTimeProvider(Start);
        var options = new DuoEmulatorOptions { TimeProvider = time };
        emulatorOptions?.Invoke(options);
        var emulator = await DuoEmulator.StartAsync(options);
        emulator.AddUser("alice").WithPasscode("123456");
        return new DuoTestHost(time, emulator, Build(time, o =>
        {
            UseEmulator(o, emulator);
            configure?.Invoke(o);
        }));
    }

    /// <summary>Points both Duo clients at <paramref name="emulator"/> (its credentials, loopback HTTP), without retries.</summary>
    public static void UseEmulator(DuoOptions options, DuoEmulator emulator)
    {
        options.ClientId = emulator.Options.ClientId;
        options.ClientSecret = emulator.Options.ClientSecret;
        options.IntegrationKey = emulator.Options.IntegrationKey;
        options.SecretKey = emulator.Options.SecretKey;
        options.ApiHost = emulator.ApiHost;
        options.AllowInsecureLoopbackHttp = true;
        options.RedirectUri = Redirect;
        options.MaxRetries = 0;
        options.RetryDelay = TimeSpan.Zero;
    }

    /// <summary>Clients whose HTTP goes to <paramref name="handler"/> instead of a server.</summary>
    public static DuoTestHost WithStub(StubHandler handler, Action<DuoOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Start);
        return new DuoTestHost(time, null, Build(
            time,
            o =>
            {
                o.ClientId = "DIXXXXXXXXXXXXXXXXXX";
                o.ClientSecret = "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef";
                o.IntegrationKey = "DIWJ8X6AEYOR5OMC6TQ1";
                o.SecretKey = "Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep";
                o.ApiHost = "api-xxxxxxxx.duosecurity.com";
                configure?.Invoke(o);
            },
            handler));
    }

    public static ServiceProvider Build(TimeProvider time, Action<DuoOptions> configure, HttpMessageHandler? handler = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        var builder = new TestMfaBuilder(services).AddDuo(o =>
        {
            o.RedirectUri = Redirect;
            o.MaxRetries = 0;
            o.RetryDelay = TimeSpan.Zero;
            configure(o);
        });
        if (handler is not null)
        {
            builder.Services.AddHttpClient(DuoHttpTransport.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Runs a call the emulator holds open (<c>DuoEmulatorOutage.Hang</c>), waits until it is held (the client's
    /// timeout timer is running), then moves the fake clock past <paramref name="timeout"/>: no test waits in real time.
    /// </summary>
    public static async Task<T> TimeOutHeldCallAsync<T>(FakeTimeProvider time, DuoEmulator duo, Func<Task<T>> call, TimeSpan timeout)
    {
        var pending = call();
        await duo.WaitForHeldRequestAsync().WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(timeout + TimeSpan.FromMilliseconds(1));
        return await pending;
    }

    /// <summary>Plays the browser: follows the authorize URL to the callback and parses it.</summary>
    public static async Task<DuoCallback> BrowseAsync(Uri authorizeUrl)
    {
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(authorizeUrl);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found), await response.Content.ReadAsStringAsync());
        return ParseCallback(response.Headers.Location!);
    }

    public static DuoCallback ParseCallback(Uri location)
    {
        Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo(Redirect.GetLeftPart(UriPartial.Path)).Or.EqualTo("https://example.com/"));
        var query = QueryHelpers.ParseQuery(location.Query).Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value.ToString()));
        Assert.That(DuoCallback.TryParse(query, out var callback), Is.True);
        return callback!;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }

    private sealed class TestMfaBuilder(IServiceCollection services) : IMfaBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
