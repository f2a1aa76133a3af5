namespace Mfa.Storage.Relational;

/// <summary>
/// What a <see cref="RelationalDatabase"/> sent to its server since this object was attached: commands (one round trip
/// each on PostgreSQL, one statement call on SQLite) and commits. The stores' load benchmark reads it to count what a
/// sign-in costs; nothing attaches one in production.
/// </summary>
internal sealed class RelationalStatistics
{
    private long _commands;
    private long _commits;

    /// <summary>The commands run, COMMIT included.</summary>
    public long Commands => Interlocked.Read(ref _commands);

    /// <summary>The transactions committed that wrote (autocommit writes and explicit commits).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Counts one command.</summary>
    public void Command() => Interlocked.Increment(ref _commands);

    /// <summary>Counts one commit.</summary>
    public void Commit() => Interlocked.Increment(ref _commits);
}
