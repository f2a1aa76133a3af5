using System.Text.Json.Nodes;
using Mfa.Cli.Cli;
using Mfa.Cli.Totp;
using Mfa.Totp.Codes;
using Mfa.Totp.CounterBased;
using Mfa.Totp.KeyUri;

namespace Mfa.Cli.CounterBased;

/// <summary>The <c>mfa hotp</c> commands (RFC 4226), mirroring <c>mfa totp</c> with a counter in place of the time.</summary>
internal static class HotpCommands
{
    public static async Task<int> RunAsync(string command, IReadOnlyList<string> args, TextWriter output)
    {
        var arguments = CliArguments.Parse(args);
        return command switch
        {
            "secret" => await TotpCommands.SecretAsync(arguments, output).ConfigureAwait(false),
            "code" => await CodeAsync(arguments, output).ConfigureAwait(false),
            "verify" => Verify(arguments, output),
            "uri" => await UriAsync(arguments, output).ConfigureAwait(false),
            "parse-uri" => TotpCommands.ParseUri(arguments, output, requiredType: "hotp"),
            _ => throw new CliUsageException($"Unknown hotp command '{command}'."),
        };
    }

    private static async Task<int> CodeAsync(CliArguments args, TextWriter output)
    {
        var secret = TotpCommands.Secret(args);
        var counter = Counter(args, required: true);
        var algorithm = TotpCommands.Algorithm(args);
        var digits = Digits(args);
        args.EnsureAllUsed();
        await output.WriteLineAsync(Hotp.Format(Hotp.ComputeCode(secret, counter, algorithm, digits), digits)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>One code in the look-ahead from <c>--counter</c>, or (with <c>--next-code</c>) two consecutive codes in the resynchronisation window.</summary>
    private static int Verify(CliArguments args, TextWriter output)
    {
        var secret = TotpCommands.Secret(args);
        var code = args.Required("code");
        var next = args.Optional("next-code");
        var counter = Counter(args, required: true);
        var algorithm = TotpCommands.Algorithm(args);
        var digits = Digits(args);
        var result = next is null
            ? HotpVerifier.Verify(secret, code, counter, args.Int("look-ahead", 10, 0, HotpVerifier.MaxLookAhead), algorithm, digits)
            : HotpVerifier.VerifyConsecutive(secret, code, next, counter, args.Int("window", 100, 0, HotpVerifier.MaxResynchronizationWindow), algorithm, digits);
        args.EnsureAllUsed();
        CliJson.Write(output, new JsonObject
        {
            ["valid"] = result.Succeeded,
            ["counter"] = result.Succeeded ? result.Counter : null,
            ["skipped"] = result.Succeeded ? result.Skipped : null,
            ["nextCounter"] = result.Succeeded ? result.Counter + 1 : null,
            ["failure"] = result.Succeeded ? null : result.Failure.ToString(),
        });
        return result.Succeeded ? ExitCodes.Success : ExitCodes.Rejected;
    }

    private static async Task<int> UriAsync(CliArguments args, TextWriter output)
    {
        var secret = TotpCommands.Secret(args);
        var issuer = args.Required("issuer");
        var account = args.Required("account");
        var counter = Counter(args, required: false);
        var algorithm = TotpCommands.Algorithm(args);
        var digits = Digits(args);
        args.EnsureAllUsed();
        if (issuer.Contains(':', StringComparison.Ordinal) || account.Contains(':', StringComparison.Ordinal))
        {
            throw new CliUsageException("Neither --issuer nor --account may contain ':'.");
        }

        await output.WriteLineAsync(OtpAuthUri.ForHotp(secret, issuer, account, algorithm, digits, counter).ToUriString()).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static int Digits(CliArguments args) => args.Int("digits", 6, Hotp.MinDigits, Hotp.MaxDigits);

    private static long Counter(CliArguments args, bool required)
    {
        var counter = args.Long("counter");
        if (counter is null)
        {
            return required ? throw new CliUsageException("Option --counter is required.") : 0;
        }

        return counter is >= 0 and <= HotpVerifier.MaxCounter
            ? counter.Value
            : throw new CliUsageException($"Option --counter must be from 0 to {HotpVerifier.MaxCounter}.");
    }
}
