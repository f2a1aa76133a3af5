using System.Diagnostics.CodeAnalysis;

namespace Mfa.Push.Transports.WebPush;

/// <summary>The result of encrypting a Web Push message.</summary>
public sealed class WebPushEncryptionResult
{
    private WebPushEncryptionResult(WebPushCryptoFailure failure, byte[]? body)
    {
        Failure = failure;
        Body = body;
    }

    /// <summary>Whether <see cref="Body"/> holds the encrypted message.</summary>
    [MemberNotNullWhen(true, nameof(Body))]
    public bool Succeeded => Failure == WebPushCryptoFailure.None;

    /// <summary>Why encryption failed, or <see cref="WebPushCryptoFailure.None"/>.</summary>
    public WebPushCryptoFailure Failure { get; }

    /// <summary>The <c>aes128gcm</c> request body: the 86-octet header and one record.</summary>
    public byte[]? Body { get; }

    internal static WebPushEncryptionResult Success(byte[] body) => new(WebPushCryptoFailure.None, body);

    internal static WebPushEncryptionResult Fail(WebPushCryptoFailure failure) => new(failure, null);
}
