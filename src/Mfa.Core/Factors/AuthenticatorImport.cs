namespace Mfa.Core.Factors;

/// <summary>The base of factor-specific imports: an authenticator registered elsewhere, taken over without a ceremony (a legacy U2F key).</summary>
public abstract class AuthenticatorImport
{
    /// <summary>The factor this import is for.</summary>
    public abstract string Kind { get; }

    /// <summary>A name for the imported authenticator (<see cref="AuthenticatorNames"/>); <see langword="null"/>: the factor's default.</summary>
    public string? Name { get; init; }
}
