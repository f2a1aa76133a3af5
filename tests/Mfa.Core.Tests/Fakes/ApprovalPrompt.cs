using Mfa.Core.Factors;

namespace Mfa.Core.Tests.Fakes;

/// <summary>The approval factor's prompt: the nonce the test's "device" signs (a real factor sends it to the device only).</summary>
public sealed class ApprovalPrompt(ReadOnlyMemory<byte> nonce) : ChallengePrompt
{
    public ReadOnlyMemory<byte> Nonce { get; } = nonce;
}
