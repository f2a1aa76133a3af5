namespace Mfa.Benchmarks.Storage;

/// <summary>One cell of the store load table: throughput, latency, what the database was sent, and failures by reason.</summary>
/// <param name="Operations">Operations completed (successes and failures).</param>
/// <param name="OpsPerSecond">Operations per second.</param>
/// <param name="Mean">Mean latency, ms.</param>
/// <param name="P50">Median latency, ms.</param>
/// <param name="P99">99th percentile latency, ms.</param>
/// <param name="CommandsPerOp">Commands (round trips) per operation, when counted.</param>
/// <param name="CommitsPerOp">Write commits per operation, when counted.</param>
/// <param name="Failures">Failed operations by reason.</param>
public sealed record LoadResult(long Operations, double OpsPerSecond, double Mean, double P50, double P99, double? CommandsPerOp, double? CommitsPerOp, IReadOnlyDictionary<string, int> Failures);
