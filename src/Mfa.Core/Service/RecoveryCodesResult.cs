namespace Mfa.Core.Service;

/// <summary>
/// A new set of recovery codes, shown to the user once (only their hashes are stored), or why none was made
/// (<see cref="MfaFailureReason.ReauthenticationRequired"/>, <see cref="MfaFailureReason.StoreUnavailable"/>).
/// </summary>
public sealed class RecoveryCodesResult : MfaResult
{
    private RecoveryCodesResult(MfaFailureReason reason, IReadOnlyList<string> codes, DateTimeOffset createdAt)
        : base(reason, message: null)
    {
        Codes = codes;
        CreatedAt = createdAt;
    }

    /// <summary>The codes, formatted in groups of five (<c>ABCDE-FGHJK</c>); empty on failure. Show them once; they cannot be read back.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>When the set was made (<see langword="default"/> on failure).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"RecoveryCodesResult {{ Count = {Codes.Count} }}" : base.ToString();

    internal static RecoveryCodesResult Success(IReadOnlyList<string> codes, DateTimeOffset createdAt) => new(MfaFailureReason.None, codes, createdAt);

    internal static RecoveryCodesResult Failure(MfaFailureReason reason) => new(reason, [], default);
}
