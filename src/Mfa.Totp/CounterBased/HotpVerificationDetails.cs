using Mfa.Core.Factors;

namespace Mfa.Totp.CounterBased;

/// <summary>What a successful HOTP challenge reports: the counter now last accepted and how far the token had moved ahead.</summary>
public sealed class HotpVerificationDetails : VerificationDetails
{
    internal HotpVerificationDetails(long counter, long skipped, bool resynchronized)
    {
        Counter = counter;
        Skipped = skipped;
        Resynchronized = resynchronized;
    }

    /// <summary>The matched counter (now the last accepted one: the token's next code is for the one after).</summary>
    public long Counter { get; }

    /// <summary>How many counters the token had moved past the expected one (codes generated but never used).</summary>
    public long Skipped { get; }

    /// <summary>Whether this was a resynchronisation with two consecutive codes.</summary>
    public bool Resynchronized { get; }

    /// <inheritdoc />
    public override string ToString() => $"HotpVerificationDetails {{ Skipped = {Skipped}, Resynchronized = {Resynchronized} }}";
}
