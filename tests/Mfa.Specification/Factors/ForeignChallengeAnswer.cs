using Mfa.Core.Factors;

namespace Mfa.Specification.Factors;

/// <summary>An out-of-band answer of a type the factor under test does not know, addressed to its kind.</summary>
/// <param name="kind">The kind of the factor under test.</param>
public sealed class ForeignChallengeAnswer(string kind) : ChallengeAnswer
{
    /// <inheritdoc />
    public override string Kind => kind;
}
