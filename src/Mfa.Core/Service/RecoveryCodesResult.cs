namespace Mfa.Core.Service;

/// <summary>A new set of recovery codes, shown to the user once. Only their hashes are stored.</summary>
public sealed class RecoveryCodesResult
{
    internal RecoveryCodesResult(IReadOnlyList<string> codes, DateTimeOffset createdAt)
    {
        Codes = codes;
        CreatedAt = createdAt;
    }

    /// <summary>The codes, formatted in groups of five (<c>ABCDE-FGHJK</c>). Show them once; they cannot be read back.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>When the set was made.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"RecoveryCodesResult {{ Count = {Codes.Count} }}";
}
