namespace Mfa.Core.Diagnostics;

/// <summary>The names hosts subscribe to: the <see cref="System.Diagnostics.Metrics.Meter"/> and <see cref="System.Diagnostics.ActivitySource"/>.</summary>
public static class MfaTelemetry
{
    /// <summary>The meter name (<c>Mfa.Sdk</c>). Counters: <c>mfa.challenges.begun</c>, <c>mfa.challenges.succeeded</c>, <c>mfa.challenges.failed</c> (tag <c>mfa.failure</c>), <c>mfa.lockouts</c>.</summary>
    public const string MeterName = "Mfa.Sdk";

    /// <summary>The activity source name (<c>Mfa.Sdk</c>).</summary>
    public const string ActivitySourceName = "Mfa.Sdk";
}
