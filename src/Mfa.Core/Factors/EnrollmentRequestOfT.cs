namespace Mfa.Core.Factors;

/// <summary>An enrollment request whose begin step shows the user a <typeparamref name="TPrompt"/>.</summary>
/// <typeparam name="TPrompt">What the factor shows the user (a QR code, WebAuthn creation options, …).</typeparam>
/// <remarks><see cref="Service.IMfaService.BeginEnrollmentAsync{TPrompt}"/> returns it typed: hosts never cast.</remarks>
#pragma warning disable MA0048 // The generic and non-generic request belong to one concept; the file name says which.
[System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0022", Justification = "Factors derive their requests from the generic type only; the base is closed to other assemblies on purpose.")]
public abstract class EnrollmentRequest<TPrompt> : EnrollmentRequest
    where TPrompt : EnrollmentPrompt
{
}
#pragma warning restore MA0048
