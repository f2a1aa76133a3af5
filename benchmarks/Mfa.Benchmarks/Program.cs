using BenchmarkDotNet.Running;
using Mfa.Benchmarks.Storage;

// "stores" runs the store load test (ops/s and p99 under 1, 8 and 32 concurrent callers); anything else goes to BenchmarkDotNet.
if (args is ["stores", .. var rest])
{
    return await StoreLoadBenchmark.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Mfa.Benchmarks.Totp.TotpCodeBenchmarks).Assembly).Run(args);
return 0;
