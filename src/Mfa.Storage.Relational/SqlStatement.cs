namespace Mfa.Storage.Relational;

/// <summary>A store statement and whether it writes (so that a single-writer database can queue writers in process).</summary>
/// <param name="Text">The SQL.</param>
/// <param name="Writes">Whether it changes rows.</param>
internal sealed record SqlStatement(string Text, bool Writes)
{
    /// <summary>A statement that only reads.</summary>
    /// <param name="text">The SQL.</param>
    /// <returns>The statement.</returns>
    public static SqlStatement Read(string text) => new(text, Writes: false);

    /// <summary>A statement that changes rows (and may return them).</summary>
    /// <param name="text">The SQL.</param>
    /// <returns>The statement.</returns>
    public static SqlStatement Write(string text) => new(text, Writes: true);
}
