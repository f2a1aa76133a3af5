using Mfa.Core.Factors;

namespace Mfa.Duo;

/// <summary>What to confirm before binding: the Duo username the record will carry.</summary>
public sealed class DuoEnrollmentPrompt : EnrollmentPrompt
{
    internal DuoEnrollmentPrompt(string username) => Username = username;

    /// <summary>The Duo username the binding will use; complete with <see cref="DuoEnrollmentResponse"/>.</summary>
    public string Username { get; }

    /// <inheritdoc />
    public override string ToString() => $"DuoEnrollmentPrompt {{ Username = {Username} }}";
}
