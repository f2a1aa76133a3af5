using Mfa.Core.Factors;

namespace Mfa.Core.Tests.Fakes;

/// <summary>The code a user types to answer a <see cref="CodeFactor"/> challenge, optionally naming the authenticator used.</summary>
public sealed class CodeChallengeResponse(string kind, string code, string? authenticatorId = null) : ChallengeResponse
{
    public override string Kind { get; } = kind;

    public string Code { get; } = code;

    public string? AuthenticatorId { get; } = authenticatorId;
}
