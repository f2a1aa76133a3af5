using System.Diagnostics;
using System.Globalization;
using Mfa.Totp;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Benchmarks.Storage;

/// <summary>
/// TOTP verification through <see cref="IMfaService"/> end to end (begin + complete: lockout reads, challenge create and
/// consume, replay guard, counter resets, last-use write-back) on each store, at 1, 8 and 32 concurrent callers.
/// Reports operations per second and latency percentiles; a load test rather than a BenchmarkDotNet microbenchmark,
/// because p99 under concurrency is what matters here.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/Mfa.Benchmarks -- stores [--seconds N]</c>. PostgreSQL runs when
/// <c>MFA_TEST_POSTGRES</c> names a server (a schema is created and dropped).
/// </remarks>
public static class StoreLoadBenchmark
{
    private static readonly int[] s_callers = [1, 8, 32];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var seconds = args is ["--seconds", var s] ? int.Parse(s, CultureInfo.InvariantCulture) : 5;
        var duration = TimeSpan.FromSeconds(seconds);
        Console.WriteLine($"TOTP verification via IMfaService, {duration.TotalSeconds:0} s per row after 1 s warm-up, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| store | callers | ops/s | p50 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var store in Stores())
        {
            foreach (var callers in s_callers)
            {
                await using var target = store.Create();
                var result = await MeasureAsync(target, callers, duration);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {store.Name} | {callers} | {result.OpsPerSecond:0} | {result.P50:0.00} | {result.P99:0.00} |"));
            }
        }

        return 0;
    }

    private static IEnumerable<(string Name, Func<StoreTarget> Create)> Stores()
    {
        yield return ("in-memory", () => new StoreTarget(b => b.UseInMemoryStores(), cleanup: null));
        yield return ("SQLite (WAL, file)", () =>
        {
            var folder = Path.Combine(Path.GetTempPath(), "mfa-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new StoreTarget(b => b.UseSqlite("Data Source=" + Path.Combine(folder, "mfa.db")), () =>
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            });
        });

        var server = Environment.GetEnvironmentVariable("MFA_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(server))
        {
            yield return ("PostgreSQL", () =>
            {
                var schema = "bench_" + Guid.NewGuid().ToString("N")[..16];
                return new StoreTarget(b => b.UsePostgreSql(server, o => o.Schema = schema), async () =>
                {
                    await using var dataSource = Npgsql.NpgsqlDataSource.Create(server);
                    await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
                    await drop.ExecuteNonQueryAsync();
                });
            });
        }
    }

    private static async Task<(double OpsPerSecond, double P50, double P99)> MeasureAsync(StoreTarget target, int callers, TimeSpan duration)
    {
        var users = new (MfaUser User, byte[] Secret)[callers];
        for (var i = 0; i < callers; i++)
        {
            users[i] = await target.EnrollAsync(new MfaUser("user-" + i.ToString(CultureInfo.InvariantCulture), "User"));
        }

        // Warm up (JIT, pools), then measure every operation of every caller.
        await RunCallersAsync(target, users, TimeSpan.FromSeconds(1), latencies: null);
        var latencies = Enumerable.Range(0, callers).Select(_ => new List<double>()).ToArray();
        var clock = Stopwatch.StartNew();
        await RunCallersAsync(target, users, duration, latencies);
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length / elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static Task RunCallersAsync(StoreTarget target, (MfaUser User, byte[] Secret)[] users, TimeSpan duration, List<double>[]? latencies)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(users.Select((u, i) => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await target.VerifyNextStepAsync(u.User, u.Secret);
                latencies?[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"A benchmark verification failed: {result.FailureReason}.");
                }
            }
        })));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>One store behind a fresh container.</summary>
    private sealed class StoreTarget : IAsyncDisposable
    {
        private static readonly DateTimeOffset s_start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private readonly ServiceProvider _provider;
        private readonly Func<Task>? _cleanup;
        private readonly FlowTimeProvider _time = new(s_start);
        private readonly Dictionary<string, DateTimeOffset> _userTimes = new(StringComparer.Ordinal);
        private readonly Lock _gate = new();

        public StoreTarget(Action<IMfaBuilder> useStore, Func<Task>? cleanup)
        {
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(_time);
            var builder = services.AddMfa(o => o.SecretKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
            useStore(builder);
            builder.AddTotp();
            _provider = services.BuildServiceProvider();
            _cleanup = cleanup;
        }

        private IMfaService Mfa => _provider.GetRequiredService<IMfaService>();

        public async Task<(MfaUser, byte[])> EnrollAsync(MfaUser user)
        {
            _time.Set(s_start);
            var begun = await Mfa.BeginEnrollmentAsync(user, new TotpEnrollmentRequest());
            Base32.TryDecode(begun.Prompt!.SecretBase32, out var secret, out _);
            var completed = await Mfa.CompleteEnrollmentAsync(user, begun.EnrollmentId!, new TotpEnrollmentResponse(TotpCode.Generate(secret!, s_start, TotpParameters.Default)));
            if (!completed.Succeeded)
            {
                throw new InvalidOperationException("Benchmark enrollment failed: " + completed.FailureReason);
            }

            lock (_gate)
            {
                _userTimes[user.Id] = s_start;
            }

            return (user, secret!);
        }

        /// <summary>Moves this caller's clock one TOTP step on and signs in with that step's code.</summary>
        public async Task<MfaVerificationResult> VerifyNextStepAsync(MfaUser user, byte[] secret)
        {
            DateTimeOffset now;
            lock (_gate)
            {
                now = _userTimes[user.Id] += TimeSpan.FromSeconds(30);
            }

            _time.Set(now);
            var challenge = await Mfa.BeginChallengeAsync(user, new ChallengeRequest(FactorKinds.Totp, MfaPurpose.SignIn));
            return await Mfa.CompleteChallengeAsync(user, challenge.ChallengeId!, MfaPurpose.SignIn, new TotpChallengeResponse(TotpCode.Generate(secret, now, TotpParameters.Default)));
        }

        public async ValueTask DisposeAsync()
        {
            await _provider.DisposeAsync();
            if (_cleanup is not null)
            {
                await _cleanup();
            }
        }
    }
}
