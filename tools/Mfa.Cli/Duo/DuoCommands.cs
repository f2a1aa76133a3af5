using System.Text.Json.Nodes;
using Mfa.Cli.Cli;
using Mfa.Duo;
using Mfa.Duo.Emulator;
using Mfa.Duo.Emulator.Scripting;
using Mfa.Duo.Signing;
using Mfa.Duo.UniversalPrompt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mfa.Cli.Duo;

/// <summary>The <c>mfa duo</c> commands: sign an Auth API request, check Universal Prompt health, run the emulator.</summary>
internal static class DuoCommands
{
    public static async Task<int> RunAsync(string command, IReadOnlyList<string> args, TextWriter output)
    {
        return command switch
        {
            "sign" => Sign(CliArguments.Parse(args), output),
            "health" => await HealthAsync(CliArguments.Parse(args, "insecure-loopback-http"), output).ConfigureAwait(false),
            "emulator" => await RunEmulatorUntilStoppedAsync(CliArguments.Parse(args), output).ConfigureAwait(false),
            _ => throw new CliUsageException($"Unknown duo command '{command}'."),
        };
    }

    /// <summary><c>mfa duo sign</c>: the canonical string, the Authorization header and every header to send (spec §4).</summary>
    internal static int Sign(CliArguments args, TextWriter output)
    {
        var version = (args.Optional("canon") ?? "5") switch
        {
            "5" => DuoSignatureVersion.V5,
            "2" => DuoSignatureVersion.V2,
            _ => throw new CliUsageException("Option --canon must be 2 or 5."),
        };
        var hash = (args.Optional("hash") ?? "sha512").ToLowerInvariant() switch
        {
            "sha512" => DuoSignatureHash.Sha512,
            "sha1" => DuoSignatureHash.Sha1,
            _ => throw new CliUsageException("Option --hash must be sha1 or sha512."),
        };
        var dateHeader = (args.Optional("date-header") ?? "x-duo-date").ToLowerInvariant() switch
        {
            "x-duo-date" => DuoDateHeader.XDuoDate,
            "date" => DuoDateHeader.Date,
            _ => throw new CliUsageException("Option --date-header must be x-duo-date or date."),
        };
        var request = new DuoSigningRequest
        {
            IntegrationKey = args.Required("ikey"),
            SecretKey = args.Required("skey"),
            Host = args.Required("host"),
            Method = args.Required("method").ToUpperInvariant(),
            Path = args.Required("path"),
            Date = args.Required("date"),
            Parameters = Pairs(args.All("param"), "param"),
            Body = args.Optional("body"),
            XDuoHeaders = Pairs(args.All("header"), "header"),
            Version = version,
            Hash = hash,
            DateHeader = dateHeader,
        };
        args.EnsureAllUsed();
        if (version == DuoSignatureVersion.V5 && hash == DuoSignatureHash.Sha1)
        {
            throw new CliUsageException("v5 signatures use SHA-512 only (--hash sha512).");
        }

        if (version == DuoSignatureVersion.V2 && request.Body is not null)
        {
            throw new CliUsageException("--body is for v5; v2 signs the --param values (a form body for POST).");
        }

        DuoSignedRequest signed;
        try
        {
            signed = DuoRequestSigner.Sign(request);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }

        var headers = new JsonObject();
        foreach (var header in signed.Headers)
        {
            headers[header.Key] = header.Value;
        }

        CliJson.Write(output, new JsonObject
        {
            ["canonical"] = signed.Canonical,
            ["signature"] = signed.Signature,
            ["authorization"] = signed.Authorization,
            ["headers"] = headers,
            ["body"] = signed.Body ?? (version == DuoSignatureVersion.V2 && request.Method is "POST" or "PUT" or "PATCH" ? DuoRequestSigner.CanonicalizeParameters(request.Parameters) : null),
        });
        return ExitCodes.Success;
    }

    /// <summary><c>mfa duo health</c>: POST /oauth/v1/health_check with a client assertion.</summary>
    internal static async Task<int> HealthAsync(CliArguments args, TextWriter output)
    {
        var clientId = args.Required("client-id");
        var clientSecret = args.Required("client-secret");
        var apiHost = args.Required("api-host");
        var timeout = args.Int("timeout-ms", 10_000, 100, 120_000);
        var insecure = args.Flag("insecure-loopback-http");
        args.EnsureAllUsed();

        var services = new ServiceCollection();
        services.AddMfa().AddDuo(o =>
        {
            o.ClientId = clientId;
            o.ClientSecret = clientSecret;
            o.ApiHost = apiHost;
            o.AllowInsecureLoopbackHttp = insecure;
            o.RequestTimeout = TimeSpan.FromMilliseconds(timeout);

            // The health check does not use the redirect URI; the Universal Prompt options still require one.
            o.RedirectUri = new Uri(insecure ? "http://127.0.0.1/duo-callback" : "https://localhost/duo-callback");
        });
        await using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<DuoOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            throw new CliUsageException(string.Join(" ", e.Failures));
        }

        var health = await provider.GetRequiredService<IDuoUniversalClient>().HealthCheckAsync().ConfigureAwait(false);
        CliJson.Write(output, new JsonObject
        {
            ["healthy"] = health.IsHealthy,
            ["status"] = health.Status.ToString(),
            ["failure"] = health.Failure.ToString(),
            ["httpStatus"] = health.HttpStatus,
            ["duoCode"] = health.DuoErrorCode,
            ["message"] = health.ErrorMessage,
        });
        return health.IsHealthy ? ExitCodes.Success : ExitCodes.Rejected;
    }

    /// <summary><c>mfa duo emulator</c>: starts the emulator with scripted demo users and runs until cancelled.</summary>
    internal static async Task<int> RunEmulatorAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken, Action<DuoEmulator>? started = null)
    {
        var port = args.Int("port", 0, 0, 65535);
        args.EnsureAllUsed();
        var emulator = await DuoEmulator.StartAsync(new DuoEmulatorOptions { Port = port }, cancellationToken).ConfigureAwait(false);
        await using (emulator.ConfigureAwait(false))
        {
            emulator.AddUser("alice").WithPasscode("123456");
            emulator.AddUser("bob").Outcome = DuoEmulatorOutcome.Deny;
            emulator.AddUser("carol").State = DuoEmulatorUserState.Locked;
            emulator.AddUser("dave").Outcome = DuoEmulatorOutcome.Timeout;
            emulator.AddUser("erin").State = DuoEmulatorUserState.Bypass;
            emulator.AddUser("frank").State = DuoEmulatorUserState.NotEnrolled;
            CliJson.Write(output, new JsonObject
            {
                ["baseAddress"] = emulator.BaseAddress.ToString(),
                ["apiHost"] = emulator.ApiHost,
                ["clientId"] = emulator.Options.ClientId,
                ["clientSecret"] = emulator.Options.ClientSecret,
                ["integrationKey"] = emulator.Options.IntegrationKey,
                ["secretKey"] = emulator.Options.SecretKey,
                ["users"] = new JsonObject
                {
                    ["alice"] = "approves; passcode 123456",
                    ["bob"] = "denies",
                    ["carol"] = "locked out",
                    ["dave"] = "times out",
                    ["erin"] = "bypass",
                    ["frank"] = "not enrolled",
                },
                ["note"] = "test credentials of a local emulator; configure clients with AllowInsecureLoopbackHttp. Stop with Ctrl+C.",
            });
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            started?.Invoke(emulator);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        return ExitCodes.Success;
    }

    private static async Task<int> RunEmulatorUntilStoppedAsync(CliArguments args, TextWriter output)
    {
        using var stop = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            stop.Cancel();
        }

        Console.CancelKeyPress += OnCancel;
        try
        {
            return await RunEmulatorAsync(args, output, stop.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    private static List<KeyValuePair<string, string>> Pairs(IReadOnlyList<string> values, string option)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliUsageException($"Option --{option} takes name=value.");
            }

            pairs.Add(new(value[..equals], value[(equals + 1)..]));
        }

        return pairs;
    }
}
