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

    /// <summary>How often expired challenges and expired attempt-counter windows are deleted while the host runs.</summary>
    /// <value>Default 5 minutes; <see cref="TimeSpan.Zero"/> turns sweeping off; otherwise 1 second to 1 day.</value>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);
}
