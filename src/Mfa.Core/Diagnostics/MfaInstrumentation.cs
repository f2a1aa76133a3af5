using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mfa.Core.Diagnostics;

/// <summary>The SDK's meter, counters and activity source. Tags carry factor kinds and failure reasons only.</summary>
internal static class MfaInstrumentation
{
    public static readonly ActivitySource ActivitySource = new(MfaTelemetry.ActivitySourceName);

    private static readonly Meter s_meter = new(MfaTelemetry.MeterName);
    private static readonly Counter<long> s_begun = s_meter.CreateCounter<long>("mfa.challenges.begun", description: "Challenges begun.");
    private static readonly Counter<long> s_succeeded = s_meter.CreateCounter<long>("mfa.challenges.succeeded", description: "Challenges that succeeded.");
    private static readonly Counter<long> s_failed = s_meter.CreateCounter<long>("mfa.challenges.failed", description: "Challenges that failed, by failure code.");
    private static readonly Counter<long> s_lockouts = s_meter.CreateCounter<long>("mfa.lockouts", description: "Attempts refused or users locked by lockout.");

    public static void Begun(string kind) => s_begun.Add(1, new KeyValuePair<string, object?>("mfa.factor", kind));

    public static void Succeeded(string kind) => s_succeeded.Add(1, new KeyValuePair<string, object?>("mfa.factor", kind));

    public static void Failed(string kind, MfaFailureReason reason) =>
        s_failed.Add(1, new KeyValuePair<string, object?>("mfa.factor", kind), new KeyValuePair<string, object?>("mfa.failure", reason.ToString()));

    public static void Lockout(string kind) => s_lockouts.Add(1, new KeyValuePair<string, object?>("mfa.factor", kind));
}
