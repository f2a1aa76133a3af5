namespace Mfa.Core;

/// <summary>
/// What a challenge is for. A success for one purpose can never be presented as another's.
/// </summary>
public readonly record struct MfaPurpose
{
    private const string StepUpPrefix = "step-up:";

    private MfaPurpose(string value) => Value = value;

    /// <summary>Signing in.</summary>
    public static MfaPurpose SignIn { get; } = new("sign-in");

    /// <summary>Enrolling a new authenticator.</summary>
    public static MfaPurpose Enrollment { get; } = new("enrollment");

    /// <summary>The stable string form (for storage and logs).</summary>
    public string Value => field ?? "sign-in";

    /// <summary>Re-authenticating before a sensitive action, such as a password change.</summary>
    /// <param name="action">A short lowercase action name, for example <c>password-change</c>.</param>
    /// <returns>The purpose.</returns>
    public static MfaPurpose StepUp(string action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        if (!IsValidAction(action))
        {
            throw new ArgumentException("A step-up action is at most 64 characters of a-z, 0-9, '-', '_' and '.'.", nameof(action));
        }

        return new(StepUpPrefix + action);
    }

    /// <summary>Reads a purpose back from its <see cref="Value"/>.</summary>
    /// <param name="value">The stored value.</param>
    /// <returns>The purpose.</returns>
    /// <exception cref="FormatException">The value is not a purpose.</exception>
    public static MfaPurpose Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            "sign-in" => SignIn,
            "enrollment" => Enrollment,
            _ when value.StartsWith(StepUpPrefix, StringComparison.Ordinal) && IsValidAction(value.AsSpan(StepUpPrefix.Length)) => new(value),
            _ => throw new FormatException("Not an MFA purpose."),
        };
    }

    /// <summary>Whether both are the same purpose. <see langword="default"/> is <see cref="SignIn"/>, as its <see cref="Value"/> says.</summary>
    /// <param name="other">The other purpose.</param>
    /// <returns>Whether the values are equal (ordinal).</returns>
    public bool Equals(MfaPurpose other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    private static bool IsValidAction(ReadOnlySpan<char> action)
    {
        if (action.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in action)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
