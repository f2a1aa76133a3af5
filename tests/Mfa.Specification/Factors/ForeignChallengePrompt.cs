using Mfa.Core.Factors;

namespace Mfa.Specification.Factors;

/// <summary>A challenge prompt no factor produces: what a <see cref="ForeignChallengeRequest"/> promises.</summary>
public sealed class ForeignChallengePrompt : ChallengePrompt
{
}
