using Mfa.Core.Factors;

namespace Mfa.Push.Factor;

/// <summary>Starts enrolling a phone for push approval: the prompt holds the QR code's enrollment URI.</summary>
public sealed class PushEnrollmentRequest : EnrollmentRequest<PushEnrollmentPrompt>
{
    /// <inheritdoc />
    public override string Kind => FactorKinds.Push;

    /// <summary>The account label the phone shows (for example the user's e-mail); defaults to the user's display name.</summary>
    public string? AccountLabel { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"PushEnrollmentRequest {{ Name = {Name} }}";
}
