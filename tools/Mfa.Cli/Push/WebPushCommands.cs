using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Mfa.Cli.Cli;
using Mfa.Push.Transports.WebPush;

namespace Mfa.Cli.Push;

/// <summary>
/// The <c>mfa push webpush-encrypt</c> and <c>webpush-decrypt</c> commands: RFC 8291 <c>aes128gcm</c> Web Push
/// message encryption from either side, for checking a push service, a browser or a vector by hand.
/// </summary>
internal static class WebPushCommands
{
    /// <summary>Whether <paramref name="command"/> is one of these commands (the rest of <c>mfa push</c> lives elsewhere).</summary>
    public static bool Handles(string command) => command is "webpush-encrypt" or "webpush-decrypt";

    public static async Task<int> RunAsync(string command, IReadOnlyList<string> args, TextWriter output)
    {
        var arguments = CliArguments.Parse(args);
        return command switch
        {
            "webpush-encrypt" => await EncryptAsync(arguments, output).ConfigureAwait(false),
            "webpush-decrypt" => await DecryptAsync(arguments, output).ConfigureAwait(false),
            _ => throw new CliUsageException($"Unknown push command '{command}'."),
        };
    }

    private static async Task<int> EncryptAsync(CliArguments args, TextWriter output)
    {
        var userAgentPublicKey = Bytes(args, "ua-public");
        var authSecret = Bytes(args, "auth-secret");
        var file = args.Required("plaintext-file");
        var serverPrivateKey = OptionalBytes(args, "as-private");
        var salt = OptionalBytes(args, "salt");
        var recordSize = args.Int("record-size", WebPushEncryption.DefaultRecordSize, 18, int.MaxValue);
        args.EnsureAllUsed();
        byte[] plaintext;
        try
        {
            plaintext = await File.ReadAllBytesAsync(file).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"Cannot read --plaintext-file: {e.Message}");
        }

        var result = WebPushEncryption.EncryptWithKeyAndSalt(plaintext, userAgentPublicKey, authSecret, serverPrivateKey, salt, recordSize: recordSize);
        if (!result.Succeeded)
        {
            return Rejected(output, result.Failure);
        }

        await output.WriteLineAsync(Base64Url.EncodeToString(result.Body)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task<int> DecryptAsync(CliArguments args, TextWriter output)
    {
        var userAgentPrivateKey = Bytes(args, "ua-private");
        var authSecret = Bytes(args, "auth-secret");
        var body = Bytes(args, "body");
        args.EnsureAllUsed();
        var result = WebPushEncryption.Decrypt(body, userAgentPrivateKey, authSecret);
        if (!result.Succeeded)
        {
            return Rejected(output, result.Failure);
        }

        await output.WriteLineAsync(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(result.Plaintext)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static int Rejected(TextWriter output, WebPushCryptoFailure failure)
    {
        CliJson.Write(output, new JsonObject { ["ok"] = false, ["failure"] = failure.ToString(), ["message"] = Message(failure) });
        return ExitCodes.Rejected;
    }

    private static string Message(WebPushCryptoFailure failure) => failure switch
    {
        WebPushCryptoFailure.InvalidPublicKey => "The public key is not a 65-octet uncompressed point on P-256.",
        WebPushCryptoFailure.InvalidPrivateKey => "The private key is not a 32-octet P-256 scalar.",
        WebPushCryptoFailure.InvalidAuthSecret => "The authentication secret is not 16 octets.",
        WebPushCryptoFailure.InvalidSalt => "The salt is not 16 octets.",
        WebPushCryptoFailure.InvalidRecordSize => "The record size is too small for the message (Web Push uses one record).",
        WebPushCryptoFailure.PayloadTooLarge => "The message does not fit in a 4096-octet Web Push body.",
        WebPushCryptoFailure.MalformedBody => "The body is not an aes128gcm body of one record.",
        WebPushCryptoFailure.NotAuthentic => "The body does not authenticate under this key and secret.",
        WebPushCryptoFailure.InvalidPadding => "The record's delimiter or padding is wrong.",
        _ => "The message could not be processed.",
    };

    private static byte[] Bytes(CliArguments args, string name) => Decode(args.Required(name), name);

    private static byte[] OptionalBytes(CliArguments args, string name) => args.Optional(name) is { } text ? Decode(text, name) : [];

    private static byte[] Decode(string text, string name)
    {
        // B64U = base64url without padding (RFC 7515 §2).
        if (text.Contains('=', StringComparison.Ordinal) || !Base64Url.IsValid(text))
        {
            throw new CliUsageException($"Option --{name} must be base64url without padding.");
        }

        return Base64Url.DecodeFromChars(text);
    }
}
