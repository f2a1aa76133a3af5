using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mfa.Cli.Cli;
using Mfa.Push.Device;

namespace Mfa.Cli.Push;

/// <summary>
/// <c>mfa push device …</c>: a phone simulator that keeps its P-256 keys and enrollment in a file. It talks to the
/// verifier's device endpoints (push spec §3.3, §4.6–§4.8, §5.2) over HTTP, or works from files (<c>--response</c>,
/// <c>--input</c>, and printing instead of sending) when no server is at hand.
/// </summary>
internal static class PushDeviceCommands
{
    private const string DefaultKeysFile = "mfa-push-device.json";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null)
    {
        if (args.Count == 0)
        {
            throw new CliUsageException("Missing push device command (enroll, pull, answer).");
        }

        var arguments = CliArguments.Parse(args.Skip(1).ToList(), "approve", "deny", "fraud", "send", "offline");
        using var http = new HttpClient(handler ?? new HttpClientHandler(), disposeHandler: handler is null) { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            return args[0] switch
            {
                "enroll" => await EnrollAsync(arguments, output, http).ConfigureAwait(false),
                "pull" => await PullAsync(arguments, output, http).ConfigureAwait(false),
                "answer" => await AnswerAsync(arguments, output, http).ConfigureAwait(false),
                _ => throw new CliUsageException($"Unknown push device command '{args[0]}'."),
            };
        }
        catch (PushNetworkException e)
        {
            await error.WriteLineAsync("mfa: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// <c>enroll --url URI [--keys FILE] [--name N] [--platform android|ios|web] [--push poll|fcm:TOKEN|inprocess:ID]
    /// [--offline | --response FILE] [--now UNIX]</c>.
    /// </summary>
    private static async Task<int> EnrollAsync(CliArguments args, TextWriter output, HttpClient http)
    {
        var uri = args.Required("url");
        var keysFile = args.Optional("keys") ?? DefaultKeysFile;
        var name = args.Optional("name") ?? "mfa simulator";
        var platform = args.Optional("platform") ?? "android";
        var address = Address(args.Optional("push") ?? "poll");
        var responseFile = args.Optional("response");
        var offline = args.Flag("offline");
        var time = Time(args);
        args.EnsureAllUsed();
        if (platform is not ("android" or "ios" or "web"))
        {
            throw new CliUsageException("Option --platform must be android, ios or web.");
        }

        if (!PushEnrollmentLink.TryParse(uri, out var link, out var linkError))
        {
            return Rejected(output, linkError.ToString());
        }

        // Reuse the keys of an earlier, unfinished enrollment (the --offline step), else make new ones.
        using var device = File.Exists(keysFile) ? Load(keysFile, time) : PushDevice.Create(withUvKey: true, time);
        if (device.IsEnrolled)
        {
            throw new CliUsageException($"The key file {keysFile} already holds an enrolled device; use another --keys file.");
        }

        Save(keysFile, device);
        string responseJson;
        if (responseFile is not null)
        {
            responseJson = await File.ReadAllTextAsync(responseFile).ConfigureAwait(false);
        }
        else
        {
            var body = PushDevice.EnrollmentBody(device.CreateEnrollmentRequest(link, new PushDeviceInfo(platform, name, "mfa-cli", Environment.OSVersion.VersionString), address));
            if (offline)
            {
                // File-based: post this body to the URL yourself, save the answer, then run enroll again with --response.
                CliJson.Write(output, new JsonObject { ["url"] = link.Url.AbsoluteUri, ["body"] = JsonNode.Parse(body), ["keys"] = keysFile });
                return ExitCodes.Success;
            }

            using var response = await SendAsync(http, HttpMethod.Post, link.Url, body, proof: null).ConfigureAwait(false);
            responseJson = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if ((int)response.StatusCode != 201)
            {
                return Rejected(output, "http " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }
        }

        var error = device.CompleteEnrollment(link, responseJson);
        if (error != PushDeviceError.None)
        {
            return Rejected(output, error.ToString());
        }

        Save(keysFile, device);
        CliJson.Write(output, new JsonObject
        {
            ["enrolled"] = true,
            ["credentialId"] = device.CredentialId,
            ["verifier"] = device.VerifierId,
            ["challenges"] = device.ChallengesEndpoint?.AbsoluteUri,
            ["keys"] = keysFile,
        });
        return ExitCodes.Success;
    }

    /// <summary><c>pull [--keys FILE] [--cid CID] [--input FILE] [--now UNIX]</c>: the pending challenges, verified.</summary>
    private static async Task<int> PullAsync(CliArguments args, TextWriter output, HttpClient http)
    {
        var keysFile = args.Optional("keys") ?? DefaultKeysFile;
        var cid = args.Optional("cid");
        var inputFile = args.Optional("input");
        var time = Time(args);
        args.EnsureAllUsed();
        using var device = Load(keysFile, time);
        if (!device.IsEnrolled)
        {
            throw new CliUsageException($"The key file {keysFile} holds no enrolled device.");
        }

        string body;
        if (inputFile is not null)
        {
            body = await File.ReadAllTextAsync(inputFile).ConfigureAwait(false);
        }
        else
        {
            var url = cid is null ? device.ChallengesEndpoint : device.ChallengeUri(cid);
            using var response = await SendAsync(http, HttpMethod.Get, url, content: null, device.CreateProof("GET", url)).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return Rejected(output, "http " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }
        }

        var challenges = new JsonArray();
        var dropped = new JsonArray();
        foreach (var token in Tokens(body))
        {
            var read = device.ReadChallenge(token);
            if (read.Succeeded)
            {
                challenges.Add(Describe(read.Challenge));
            }
            else
            {
                dropped.Add(read.Error.ToString());
            }
        }

        CliJson.Write(output, new JsonObject { ["challenges"] = challenges, ["dropped"] = dropped });
        return ExitCodes.Success;
    }

    /// <summary>
    /// <c>answer --challenge FILE --approve|--deny|--fraud [--number N] [--reason cancelled|not_me|other] [--keys FILE]
    /// [--send] [--now UNIX]</c>: signs the answer; prints it, or posts it with <c>--send</c>.
    /// </summary>
    private static async Task<int> AnswerAsync(CliArguments args, TextWriter output, HttpClient http)
    {
        var challengeFile = args.Required("challenge");
        var keysFile = args.Optional("keys") ?? DefaultKeysFile;
        var number = args.Optional("number");
        var reason = args.Optional("reason") switch
        {
            null => PushDeviceDenyReason.None,
            "cancelled" => PushDeviceDenyReason.Cancelled,
            "not_me" => PushDeviceDenyReason.NotMe,
            "other" => PushDeviceDenyReason.Other,
            _ => throw new CliUsageException("Option --reason must be cancelled, not_me or other."),
        };
        var actions = new[] { (args.Flag("approve"), PushDeviceAction.Approve), (args.Flag("deny"), PushDeviceAction.Deny), (args.Flag("fraud"), PushDeviceAction.Report) }
            .Where(a => a.Item1).Select(a => a.Item2).ToList();
        var send = args.Flag("send");
        var time = Time(args);
        args.EnsureAllUsed();
        if (actions.Count != 1)
        {
            throw new CliUsageException("Give exactly one of --approve, --deny, --fraud.");
        }

        using var device = Load(keysFile, time);
        if (!device.IsEnrolled)
        {
            throw new CliUsageException($"The key file {keysFile} holds no enrolled device.");
        }

        var token = Tokens(await File.ReadAllTextAsync(challengeFile).ConfigureAwait(false)).FirstOrDefault()
            ?? throw new CliUsageException($"No challenge token in {challengeFile}.");
        var read = device.ReadChallenge(token);
        if (!read.Succeeded)
        {
            return Rejected(output, read.Error.ToString());
        }

        var error = device.TryAnswer(read.Challenge, actions[0], number, reason, out var responseToken);
        if (error != PushDeviceError.None)
        {
            return Rejected(output, error.ToString());
        }

        Save(keysFile, device);
        var result = new JsonObject { ["cid"] = read.Challenge.ChallengeId, ["response"] = responseToken };
        if (send)
        {
            using var response = await SendAsync(http, HttpMethod.Post, device.ResponseUri(read.Challenge.ChallengeId), PushDevice.ResponseBody(responseToken), proof: null).ConfigureAwait(false);
            result["status"] = (int)response.StatusCode;
            result["server"] = ParseOrText(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            CliJson.Write(output, result);
            return response.IsSuccessStatusCode ? ExitCodes.Success : ExitCodes.Rejected;
        }

        CliJson.Write(output, result);
        return ExitCodes.Success;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, Uri url, string? content, string? proof)
    {
        using var request = new HttpRequestMessage(method, url);
        if (content is not null)
        {
            request.Content = new StringContent(content, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        if (proof is not null)
        {
            request.Headers.TryAddWithoutValidation("MfaPush-Proof", proof);
        }

        try
        {
            return await http.SendAsync(request).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new PushNetworkException("The verifier is unreachable: " + e.Message);
        }
        catch (TaskCanceledException)
        {
            throw new PushNetworkException("The verifier did not answer in time.");
        }
    }

    /// <summary>A raw JWS, <c>{"challenge":"…"}</c> or <c>{"challenges":[…]}</c>.</summary>
    private static List<string> Tokens(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('{'))
        {
            return trimmed.Length == 0 ? [] : [trimmed];
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(trimmed);
        }
        catch (JsonException)
        {
            throw new CliUsageException("The challenge input is not JSON.");
        }

        if (node?["challenge"] is JsonValue single && single.TryGetValue<string>(out var one))
        {
            return [one];
        }

        return node?["challenges"] is JsonArray many
            ? many.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var t) ? t : null).OfType<string>().ToList()
            : [];
    }

    private static JsonObject Describe(PushDeviceChallenge c) => new()
    {
        ["cid"] = c.ChallengeId,
        ["transaction"] = c.Transaction,
        ["application"] = c.Application,
        ["ip"] = c.IpAddress,
        ["approximateLocation"] = c.ApproximateLocation,
        ["time"] = c.Time,
        ["userAgent"] = c.UserAgent,
        ["account"] = c.Account,
        ["numberMode"] = c.NumberMode,
        ["numberLength"] = c.NumberMode == "enter" ? c.NumberLength : null,
        ["numberOptions"] = c.NumberMode == "choose" ? new JsonArray(c.NumberOptions.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray()) : null,
        ["userVerification"] = c.UserVerification,
        ["expiresAt"] = c.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
        ["token"] = c.Token,
    };

    private static DevicePushAddress Address(string value) => value switch
    {
        "poll" => DevicePushAddress.Poll,
        _ when value.StartsWith("fcm:", StringComparison.Ordinal) && value.Length > 4 => DevicePushAddress.Fcm(value[4..]),
        _ when value.StartsWith("inprocess:", StringComparison.Ordinal) && value.Length > 10 => DevicePushAddress.InProcess(value[10..]),
        _ => throw new CliUsageException("Option --push must be poll, fcm:TOKEN or inprocess:ID."),
    };

    private static TimeProvider Time(CliArguments args)
    {
        var now = args.Optional("now");
        if (now is null)
        {
            return TimeProvider.System;
        }

        return long.TryParse(now, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 253402300799
            ? new FixedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(seconds))
            : throw new CliUsageException("Option --now must be Unix seconds.");
    }

    private static PushDevice Load(string keysFile, TimeProvider time)
    {
        if (!File.Exists(keysFile))
        {
            throw new CliUsageException($"No key file {keysFile}; run 'mfa push device enroll' first.");
        }

        return PushDevice.TryImport(File.ReadAllText(keysFile), out var device, time)
            ? device
            : throw new CliUsageException($"The key file {keysFile} is not a push device export.");
    }

    private static void Save(string keysFile, PushDevice device)
    {
        // The file holds private keys: owner-only where the OS supports it.
        File.WriteAllText(keysFile, device.Export());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keysFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static JsonNode? ParseOrText(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static int Rejected(TextWriter output, string failure)
    {
        CliJson.Write(output, new JsonObject { ["ok"] = false, ["failure"] = failure });
        return ExitCodes.Rejected;
    }
}
