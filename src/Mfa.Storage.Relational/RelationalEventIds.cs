namespace Mfa.Storage.Relational;

/// <summary>The event ids the SQL stores log with (after the 1000–1999 range of Mfa.Core).</summary>
internal static class RelationalEventIds
{
    /// <summary>The schema was migrated.</summary>
    public const int Migrated = 4000;

    /// <summary>Expired rows were swept.</summary>
    public const int Swept = 4001;

    /// <summary>A sweep failed (the next one retries).</summary>
    public const int SweepFailed = 4002;
}
