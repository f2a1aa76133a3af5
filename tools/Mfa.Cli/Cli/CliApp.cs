using Mfa.Cli.CounterBased;
using Mfa.Cli.Duo;
using Mfa.Cli.Keys;
using Mfa.Cli.Push;
using Mfa.Cli.Store;
using Mfa.Cli.Totp;
using Mfa.Cli.WebAuthn;

namespace Mfa.Cli.Cli;

/// <summary>The <c>mfa</c> command dispatcher: <c>mfa GROUP COMMAND [options]</c>.</summary>
internal static class CliApp
{
    private const string Usage = """
        usage: mfa <group> <command> [options]

          mfa keygen                     a new 32-byte MfaOptions.SecretKey (base64), for Mfa:SecretKey in a secret store
          mfa keys list [--config FILE] [--provider sqlite|postgresql --connection CS [--prefix P] [--schema S]]
          mfa keys reencrypt --provider sqlite|postgresql --connection CS [--prefix P] [--schema S] [--config FILE] [--dry-run] [--batch N]
                (keys from Mfa:SecretKey, Mfa:SecretKeys:<id>, Mfa:PrimarySecretKeyId in --config FILE or Mfa__… environment variables)
          mfa totp secret [--bytes N]
          mfa totp code --secret B32 [--time UNIX_SECONDS] [--algorithm SHA1|SHA256|SHA512] [--digits N] [--period S]
          mfa totp verify --secret B32 --code C [--time UNIX_SECONDS] [--window N] [--algorithm …] [--digits N] [--period S]
          mfa totp uri --secret B32 --issuer I --account A [--algorithm …] [--digits N] [--period S]
          mfa totp parse-uri URI
          mfa totp qr --uri URI [--format png|svg|text] [--out FILE]
          mfa hotp secret [--bytes N]
          mfa hotp code --secret B32 --counter N [--algorithm SHA1|SHA256|SHA512] [--digits N]
          mfa hotp verify --secret B32 --code C --counter N [--look-ahead N] [--algorithm …] [--digits N]
          mfa hotp verify --secret B32 --code C --next-code C2 --counter N [--window N]   (resynchronisation: two consecutive codes)
          mfa hotp uri --secret B32 --issuer I --account A [--counter N] [--algorithm …] [--digits N]
          mfa hotp parse-uri URI
          mfa store migrate --provider sqlite|postgresql --connection CS [--prefix P] [--schema S]
          mfa store version --provider sqlite|postgresql --connection CS [--prefix P] [--schema S]
          mfa webauthn verify-registration --options FILE --response FILE --origin ORIGIN [--origin …] [--now ISO8601] [--allow-rs1]
                [--trust-anchor CERT … | --mds BLOB --mds-anchor CERT [--crl FILE …] [--no-revocation]]
          mfa webauthn verify-assertion --options FILE --response FILE --credential FILE --origin ORIGIN [--origin …] [--now ISO8601] [--allow-rs1]
          mfa webauthn inspect FILE|-
          mfa duo sign --ikey K --skey S --host H --method M --path P --date RFC2822 [--param k=v …] [--body JSON]
                       [--header X-Duo-Name=v …] [--canon 2|5] [--hash sha1|sha512] [--date-header x-duo-date|date]
          mfa duo health --client-id ID --client-secret S --api-host H [--timeout-ms N] [--insecure-loopback-http]
          mfa duo emulator [--port N]
          mfa push device enroll --url MFAPUSH_URI [--keys FILE] [--name N] [--platform android|ios|web] [--push poll|fcm:TOKEN|inprocess:ID] [--offline | --response FILE] [--now UNIX]
          mfa push device pull [--keys FILE] [--cid CID] [--input FILE] [--now UNIX]
          mfa push device answer --challenge FILE --approve|--deny|--fraud [--number N] [--reason cancelled|not_me|other] [--keys FILE] [--send] [--now UNIX]
          mfa push webpush-encrypt --ua-public B64U --auth-secret B64U --plaintext-file F [--as-private B64U] [--salt B64U] [--record-size N]
          mfa push webpush-decrypt --ua-private B64U --auth-secret B64U --body B64U
          mfa webauthn mds verify --blob FILE --anchor CERT [--crl FILE …] [--at ISO8601] [--no-revocation]
          mfa webauthn mds show AAGUID|KEY-ID --blob FILE --anchor CERT [--crl FILE …] [--at ISO8601] [--no-revocation]

        Exit codes: 0 success, 1 verification rejected (failure code in the JSON), 2 usage error,
        3 the store or the verifier failed (unreachable, timed out).
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, TextReader input)
    {
        try
        {
            if (args.Count > 0 && args[0] is "-h" or "--help" or "help")
            {
                await output.WriteLineAsync(Usage).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (args.Count == 1 && args[0] == "keygen")
            {
                // The key goes to stdout only, as configuration expects it (base64 of 32 CSPRNG bytes).
                var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
                CliJson.Write(output, new System.Text.Json.Nodes.JsonObject { ["secretKey"] = Convert.ToBase64String(key), ["configurationKey"] = "Mfa:SecretKey" });
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
                return ExitCodes.Success;
            }

            if (args.Count < 2)
            {
                await error.WriteLineAsync(Usage).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var rest = args.Skip(2).ToList();
            return args[0] switch
            {
                "totp" => await TotpCommands.RunAsync(args[1], rest, output).ConfigureAwait(false),
                "hotp" => await HotpCommands.RunAsync(args[1], rest, output).ConfigureAwait(false),
                "keys" => await KeysCommands.RunAsync(args[1], rest, output, error).ConfigureAwait(false),
                "store" => await StoreCommands.RunAsync(args[1], rest, output, error).ConfigureAwait(false),
                "webauthn" => await WebAuthnCommands.RunAsync(args[1], rest, output, input).ConfigureAwait(false),
                "duo" => await DuoCommands.RunAsync(args[1], rest, output).ConfigureAwait(false),
                "push" when args[1] == "device" => await PushDeviceCommands.RunAsync(rest, output, error).ConfigureAwait(false),
                "push" when WebPushCommands.Handles(args[1]) => await WebPushCommands.RunAsync(args[1], rest, output).ConfigureAwait(false),
                _ => throw new CliUsageException($"Unknown command group '{args[0]}'."),
            };
        }
        catch (CliUsageException e)
        {
            await error.WriteLineAsync("mfa: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }
}
