namespace Mfa.Storage.Relational;

/// <summary>Options shared by the SQL store providers.</summary>
public abstract class RelationalStoreOptions
{
    /// <summary>The ADO.NET connection string.</summary>
    /// <value>Set by <c>UseSqlite(connectionString)</c> or <c>UsePostgreSql(connectionString)</c>; required.</value>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Whether the schema is created and upgraded on first use (and when the host starts).</summary>
    /// <value>
    /// Default <see langword="true"/>. When <see langword="false"/>, run <c>mfa store migrate</c> before deploying; the stores
    /// refuse to work against a schema older than they need.
    /// </value>
    public bool RunMigrationsAtStartup { get; set; } = true;

    /// <summary>How long one statement may take (including waiting for a lock) before it fails with an exception.</summary>
    /// <value>Default 30 seconds; 1 second to 10 minutes.</value>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The prefix of every table name, so that the MFA tables can share a database with the host's.</summary>
    /// <value>Default <c>mfa_</c>; empty, or a lowercase letter then up to 29 lowercase letters, digits or underscores.</value>
    public string TablePrefix { get; set; } = "mfa_";

    /// <summary>Whether beginning a challenge waits until the challenge's row is on disk before it returns.</summary>
    /// <value>
    /// Default <see langword="false"/>: the challenge's INSERT commits without waiting for its log flush (PostgreSQL
    /// <c>synchronous_commit = off</c> for that one transaction; SQLite <c>synchronous = NORMAL</c> for that one statement
    /// under WAL), which saves one of a sign-in's three disk flushes. <see langword="true"/>: it waits, as every other write does.
    /// </value>
    /// <remarks>
    /// What is at stake is only a challenge that was begun but not yet answered: every later write of the sign-in (admitting
    /// the attempt and consuming the challenge, the replay guard, the counters) waits for its flush, and a flush covers
    /// everything logged before it, so a challenge that was consumed or answered is on disk with it. A crash of the database
    /// server (or of the machine, for SQLite: a crash of the process loses nothing) within the flush delay (PostgreSQL's
    /// <c>wal_writer_delay</c>, by default 200 ms, at most three times that) can lose a challenge begun in that window; the
    /// user's answer then finds no challenge and fails closed (<c>ChallengeNotFound</c>, counted as one failed attempt), and
    /// the user begins again. Nothing can be accepted that would not have been: a lost challenge cannot be consumed.
    /// Turn it on where a standby that a failover promotes must hold every begun challenge.
    /// </remarks>
    public bool DurableChallengeBegin { get; set; }

    /// <summary>How often expired challenges and expired attempt-counter windows are deleted while the host runs.</summary>
    /// <value>Default 5 minutes; <see cref="TimeSpan.Zero"/> turns sweeping off; otherwise 1 second to 1 day.</value>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);
}
