using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Mfa.Benchmarks.Storage;

// "stores" runs the store load test (ops/s and p99 under 1, 8 and 32 concurrent callers); anything else goes to BenchmarkDotNet.
if (args is ["stores", .. var rest])
{
    return await StoreLoadBenchmark.RunAsync(rest);
}

// "stores-breakdown" times each step of a sign-in (round trips, factor, client) against the floor.
if (args is ["stores-breakdown", .. var steps])
{
    return await StoreLoadBenchmark.RunBreakdownAsync(steps);
}

// The generated boilerplate project can take long to build on a busy 2-core machine; prefer `--inProcess` there.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(Mfa.Benchmarks.Totp.TotpCodeBenchmarks).Assembly).Run(args, config);
return 0;
