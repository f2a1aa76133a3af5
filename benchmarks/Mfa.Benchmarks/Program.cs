using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// The generated boilerplate project can take long to build on a busy 2-core machine; prefer `--inProcess` there.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(Mfa.Benchmarks.Totp.TotpCodeBenchmarks).Assembly).Run(args, config);
