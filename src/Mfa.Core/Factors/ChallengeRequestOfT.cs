namespace Mfa.Core.Factors;

/// <summary>A challenge request whose begin step sends the client a <typeparamref name="TPrompt"/>.</summary>
/// <typeparam name="TPrompt">The factor's prompt type.</typeparam>
/// <param name="kind">The factor to use.</param>
/// <param name="purpose">What the challenge is for.</param>
#pragma warning disable MA0048 // The generic and non-generic request belong to one concept; the file name says which.
public abstract class ChallengeRequest<TPrompt>(string kind, MfaPurpose purpose) : ChallengeRequest(kind, purpose)
    where TPrompt : ChallengePrompt
{
}
#pragma warning restore MA0048
