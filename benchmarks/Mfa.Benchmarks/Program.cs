using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Mfa.Benchmarks.Totp.TotpCodeBenchmarks).Assembly).Run(args);
