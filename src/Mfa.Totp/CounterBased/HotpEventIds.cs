namespace Mfa.Totp.CounterBased;

/// <summary>The stable <see cref="Microsoft.Extensions.Logging.EventId"/> numbers of the HOTP factor's events (block 1300–1319; Core's recovery events hold 1300–1302).</summary>
public static class HotpEventIds
{
    /// <summary>Two consecutive codes resynchronised an HOTP token that had moved past the look-ahead.</summary>
    public const int Resynchronized = 1310;

    /// <summary>A resynchronisation was refused: the two codes are not consecutive codes of the token in the window.</summary>
    public const int ResynchronizationRefused = 1311;
}
