using Mfa.Core;
using Mfa.Core.Factors;

namespace Mfa.Specification.Factors;

/// <summary>A challenge request of a type the factor under test does not know, addressed to its kind.</summary>
/// <param name="kind">The kind of the factor under test.</param>
/// <param name="purpose">The purpose.</param>
public sealed class ForeignChallengeRequest(string kind, MfaPurpose purpose) : ChallengeRequest<ForeignChallengePrompt>(kind, purpose)
{
}
