using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Mfa.Cli.Cli;
using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;
using Mfa.Totp.KeyUri;
using Mfa.Totp.Verification;

namespace Mfa.Cli.Totp;

/// <summary>The <c>mfa totp</c> commands.</summary>
internal static class TotpCommands
{
    public static async Task<int> RunAsync(string command, IReadOnlyList<string> args, TextWriter output)
    {
        var arguments = CliArguments.Parse(args);
        return command switch
        {
            "secret" => await SecretAsync(arguments, output).ConfigureAwait(false),
            "code" => await CodeAsync(arguments, output).ConfigureAwait(false),
            "verify" => Verify(arguments, output),
            "uri" => await UriAsync(arguments, output).ConfigureAwait(false),
            "parse-uri" => ParseUri(arguments, output),
            "qr" => await QrAsync(arguments, output).ConfigureAwait(false),
            _ => throw new CliUsageException($"Unknown totp command '{command}'."),
        };
    }

    internal static async Task<int> SecretAsync(CliArguments args, TextWriter output)
    {
        var bytes = args.Int("bytes", TotpSecret.DefaultBytes, TotpSecret.MinGeneratedBytes, TotpSecret.MaxBytes);
        args.EnsureAllUsed();
        var secret = TotpSecret.Generate(bytes);
        await output.WriteLineAsync(Base32.Encode(secret)).ConfigureAwait(false);
        CryptographicOperations.ZeroMemory(secret);
        return ExitCodes.Success;
    }

    private static async Task<int> CodeAsync(CliArguments args, TextWriter output)
    {
        var secret = Secret(args);
        var parameters = Parameters(args);
        var time = Time(args);
        args.EnsureAllUsed();
        if (parameters.TimeStepAt(time.ToUnixTimeSeconds()) < 0)
        {
            throw new CliUsageException("Option --time is before T0.");
        }

        await output.WriteLineAsync(TotpCode.Generate(secret, time, parameters)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static int Verify(CliArguments args, TextWriter output)
    {
        var secret = Secret(args);
        var code = args.Required("code");
        var parameters = Parameters(args);
        var time = Time(args);
        var window = args.Int("window", 1, 0, TotpVerifier.MaxWindow);
        args.EnsureAllUsed();
        var result = TotpVerifier.Verify(secret, code, time, parameters, window);
        CliJson.Write(output, new JsonObject
        {
            ["valid"] = result.Succeeded,
            ["timeStep"] = result.Succeeded ? result.TimeStep : null,
            ["drift"] = result.Succeeded ? result.Drift : null,
            ["failure"] = result.Succeeded ? null : result.Failure.ToString(),
        });
        return result.Succeeded ? ExitCodes.Success : ExitCodes.Rejected;
    }

    private static async Task<int> UriAsync(CliArguments args, TextWriter output)
    {
        var secret = Secret(args);
        var issuer = args.Required("issuer");
        var account = args.Required("account");
        var parameters = Parameters(args);
        args.EnsureAllUsed();
        if (issuer.Contains(':', StringComparison.Ordinal) || account.Contains(':', StringComparison.Ordinal))
        {
            throw new CliUsageException("Neither --issuer nor --account may contain ':'.");
        }

        await output.WriteLineAsync(new OtpAuthUri(secret, issuer, account, parameters).ToUriString()).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Prints an otpauth URI's fields (<c>mfa totp parse-uri</c>, and <c>mfa hotp parse-uri</c> with <paramref name="requiredType"/> "hotp").</summary>
    internal static int ParseUri(CliArguments args, TextWriter output, string? requiredType = null)
    {
        args.EnsureAllUsed(maxPositional: 1);
        var text = args.Positional.Count == 1 ? args.Positional[0] : throw new CliUsageException("parse-uri takes the URI as its argument.");
        if (!OtpAuthUri.TryParse(text, out var uri, out var error) || (requiredType is not null && uri.Type != requiredType))
        {
            error ??= $"Not an otpauth://{requiredType} URI.";
            CliJson.Write(output, new JsonObject { ["valid"] = false, ["failure"] = "MalformedInput", ["message"] = error });
            return ExitCodes.Rejected;
        }

        CliJson.Write(output, new JsonObject
        {
            ["valid"] = true,
            ["type"] = uri.Type,
            ["issuer"] = uri.Issuer,
            ["account"] = uri.AccountName,
            ["secret"] = Base32.Encode(uri.GetSecret()),
            ["secretBytes"] = uri.GetSecret().Length,
            ["algorithm"] = TotpAlgorithmNames.ToName(uri.Parameters.Algorithm),
            ["digits"] = uri.Parameters.Digits,
            ["period"] = uri.Counter is null ? uri.Parameters.PeriodSeconds : null,
            ["counter"] = uri.Counter,
        });
        return ExitCodes.Success;
    }

    private static async Task<int> QrAsync(CliArguments args, TextWriter output)
    {
        var uri = args.Required("uri");
        var format = args.Optional("format") ?? "text";
        var file = args.Optional("out");
        args.EnsureAllUsed();
        if (!OtpAuthUri.TryParse(uri, out _, out var error))
        {
            throw new CliUsageException("--uri is not an otpauth URI: " + error);
        }

        switch (format)
        {
            case "png":
                var png = TotpQrCode.ToPng(uri);
                if (file is null)
                {
                    throw new CliUsageException("--format png needs --out FILE.");
                }

                await File.WriteAllBytesAsync(file, png).ConfigureAwait(false);
                break;
            case "svg":
            case "text":
                var text = format == "svg" ? TotpQrCode.ToSvg(uri) : TotpQrCode.ToText(uri);
                if (file is null)
                {
                    await output.WriteLineAsync(text).ConfigureAwait(false);
                }
                else
                {
                    await File.WriteAllTextAsync(file, text).ConfigureAwait(false);
                }

                break;
            default:
                throw new CliUsageException("--format must be png, svg or text.");
        }

        return ExitCodes.Success;
    }

    internal static byte[] Secret(CliArguments args) =>
        Base32.TryDecode(args.Required("secret"), out var secret, out var error)
            ? secret.Length > 0 ? secret : throw new CliUsageException("--secret is empty.")
            : throw new CliUsageException("--secret is not Base32: " + error);

    private static TotpParameters Parameters(CliArguments args) =>
        new(Algorithm(args), args.Int("digits", 6, Hotp.MinDigits, Hotp.MaxDigits), args.Int("period", 30, 1, 3600));

    /// <summary>The <c>--algorithm</c> option (default SHA1).</summary>
    internal static TotpAlgorithm Algorithm(CliArguments args) =>
        TotpAlgorithmNames.TryParse(args.Optional("algorithm") ?? "SHA1", out var algorithm)
            ? algorithm
            : throw new CliUsageException("--algorithm must be SHA1, SHA256 or SHA512.");

    private static DateTimeOffset Time(CliArguments args)
    {
        var seconds = args.Long("time");
        if (seconds is null)
        {
            return TimeProvider.System.GetUtcNow();
        }

        if (seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new CliUsageException("--time must be a Unix time in seconds.");
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds.Value);
    }
}
