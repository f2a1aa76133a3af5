namespace Mfa.WebAuthn.Ceremonies;

/// <summary>What an authentication ceremony expects, from its begun state.</summary>
/// <param name="Challenge">The challenge that was issued.</param>
/// <param name="RequireUserVerification">Whether the UV flag must be set.</param>
/// <param name="AppId">The AppID sent in the <c>appid</c> extension, if any (legacy U2F keys).</param>
internal readonly record struct AssertionExpectation(ReadOnlyMemory<byte> Challenge, bool RequireUserVerification, string? AppId);
