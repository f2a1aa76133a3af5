using System.Diagnostics.CodeAnalysis;

namespace Mfa.Push.Transports.WebPush;

/// <summary>The result of decrypting a Web Push message (what a user agent does).</summary>
public sealed class WebPushDecryptionResult
{
    private WebPushDecryptionResult(WebPushCryptoFailure failure, byte[]? plaintext)
    {
        Failure = failure;
        Plaintext = plaintext;
    }

    /// <summary>Whether <see cref="Plaintext"/> holds the message.</summary>
    [MemberNotNullWhen(true, nameof(Plaintext))]
    public bool Succeeded => Failure == WebPushCryptoFailure.None;

    /// <summary>Why decryption failed, or <see cref="WebPushCryptoFailure.None"/>.</summary>
    public WebPushCryptoFailure Failure { get; }

    /// <summary>The message, without delimiter and padding.</summary>
    public byte[]? Plaintext { get; }

    internal static WebPushDecryptionResult Success(byte[] plaintext) => new(WebPushCryptoFailure.None, plaintext);

    internal static WebPushDecryptionResult Fail(WebPushCryptoFailure failure) => new(failure, null);
}
