using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Testing;
using Mfa.Testing.WebAuthn;
using Mfa.Totp;
using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;
using Mfa.WebAuthn;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Soak;

/// <summary>
/// The <c>run</c> mode: one app instance (its own container: AddMfa + TOTP + WebAuthn + the PostgreSQL store) running
/// concurrent enrollments and sign-ins for its users with the real clock, plus a replayer that tries every code and
/// assertion the other instance just had accepted. Every outcome goes to the JSONL log; nothing is judged here.
/// </summary>
internal sealed class SoakInstance : IAsyncDisposable
{
    /// <summary>The relying party and origin of the software security keys.</summary>
    private const string RpId = "example.com";

    private const int EnrollmentRetries = 5;

    private readonly string _name;
    private readonly ServiceProvider _services;
    private readonly IMfaService _mfa;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly JsonLineWriter _log;
    private readonly List<SoakUser> _users = [];
    private readonly Lock _usersLock = new();
    private int _nextUser;

    private SoakInstance(string name, string connectionString, string logPath)
    {
        _name = name;
        var services = new ServiceCollection();
        services.AddMfa(o =>
        {
            o.SecretKey = TestKeys.SecretKey;

            // Replays are failures of the victim: keep the throttle out of the way of the legitimate traffic.
            o.ThrottleMaxFailures = 1000;
            o.ThrottleWindow = TimeSpan.FromSeconds(1);
        }).UsePostgreSql(connectionString, o =>
        {
            o.RunMigrationsAtStartup = false;
            o.CommandTimeout = TimeSpan.FromSeconds(5);
        }).AddTotp(o =>
        {
            // The shortest period allowed: more steps, so more sign-ins per authenticator in a short run.
            o.PeriodSeconds = 15;
            o.AllowedPeriods.Add(15);
        }).AddWebAuthn(o =>
        {
            o.RelyingPartyId = RpId;
            o.RelyingPartyName = "Soak";
            o.Origins = ["https://" + RpId];
        });
        _services = services.BuildServiceProvider();
        _mfa = _services.GetRequiredService<IMfaService>();
        _log = new JsonLineWriter(logPath);
    }

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public static async Task<int> RunAsync(SoakArguments arguments)
    {
        var name = arguments.Required("instance");
        var duration = TimeSpan.FromSeconds(arguments.Int("duration", 30));
        await using var instance = new SoakInstance(name, arguments.Required("connection"), arguments.Required("log"));
        using var stop = new CancellationTokenSource(duration);
        var seed = arguments.Int("seed", 1) * 1000 + (name == "a" ? 0 : 500);
        var workers = Enumerable.Range(0, arguments.Int("workers", 6))
            .Select(w => Task.Run(() => instance.WorkAsync(seed + w, arguments.Int("users", 24), stop.Token)))
            .Append(Task.Run(() => instance.ReplayAsync(arguments.Required("peer-log"), stop.Token)))
            .ToArray();
        await Task.WhenAll(workers);
        await Console.Out.WriteLineAsync($"soak {name}: {instance._users.Count} users, done");
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _log.Dispose();
        foreach (var key in _users.SelectMany(u => u.Keys))
        {
            key.Dispose();
        }
    }

    // --- the workers ---------------------------------------------------------------------------------------

    private async Task WorkAsync(int seed, int users, CancellationToken stop)
    {
#pragma warning disable CA5394 // The mix of operations is seeded on purpose; nothing secret comes from it.
        var random = new Random(seed);
        while (!stop.IsCancellationRequested)
        {
            var roll = random.NextDouble();
            int count;
            lock (_usersLock)
            {
                count = _users.Count;
            }

            if (count < users || roll < 0.08)
            {
                await EnrollUserAsync();
                continue;
            }

            var user = TryTakeUser(random);
            if (user is null)
            {
                continue;
            }

            try
            {
                if (roll < 0.12)
                {
                    await EnrollWebAuthnAsync(user);
                }
                else if (roll < 0.45 && user.TotpSecret is not null && CurrentStep(user) > user.TotpSpentStep)
                {
                    await TotpSignInAsync(user, race: random.NextDouble() < 0.1);
                }
                else if (user.Keys.Count > 0)
                {
                    var key = user.Keys[random.Next(user.Keys.Count)];
                    var mode = random.NextDouble();
                    await (mode < 0.08 ? WebAuthnRaceAsync(user, key) : mode < 0.16 ? WebAuthnStaleAsync(user, key) : WebAuthnSignInAsync(user, key));
                }
            }
            finally
            {
                user.Gate.Release();
            }
        }
    }

    private SoakUser? TryTakeUser(Random random)
    {
        lock (_usersLock)
        {
            for (var attempt = 0; attempt < 4 && _users.Count > 0; attempt++)
            {
                var user = _users[random.Next(_users.Count)];
                if (user.Gate.Wait(0))
                {
                    return user;
                }
            }
        }
#pragma warning restore CA5394

        return null;
    }

    private static long CurrentStep(SoakUser user) => user.TotpParameters.TimeStepAt(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());

    /// <summary>A new user: TOTP first (no recent proof needed), then a security key; it joins the pool once TOTP is in.</summary>
    private async Task EnrollUserAsync()
    {
        var user = new SoakUser($"{_name}-{Interlocked.Increment(ref _nextUser):D5}");
        if (!await EnrollTotpAsync(user))
        {
            return;
        }

        await EnrollWebAuthnAsync(user);
        lock (_usersLock)
        {
            _users.Add(user);
        }
    }

    private async Task<bool> EnrollTotpAsync(SoakUser user)
    {
        var start = Now;
        var template = new OperationRecord { Instance = _name, Op = Operations.TotpEnroll, User = user.Id, Start = start };
        return await GuardAsync(template, async () =>
        {
            var begun = await _mfa.BeginEnrollmentAsync(user.Verified(_time), new TotpEnrollmentRequest { Name = "Phone" });
            if (!begun.Succeeded)
            {
                return template with { End = Now, Reason = begun.FailureReason.ToString() };
            }

            if (!Base32.TryDecode(begun.Prompt.SecretBase32, out var secret, out _))
            {
                throw new InvalidOperationException("The enrollment prompt's secret is not Base32.");
            }

            var parameters = begun.Prompt.Parameters;
            var now = _time.GetUtcNow();
            var step = parameters.TimeStepAt(now.ToUnixTimeSeconds());
            var code = TotpCode.Generate(secret, now, parameters);
            var record = template with { Enrollment = begun.EnrollmentId, Step = step, Code = code };
            var result = await CompleteEnrollmentAsync(user, record, new TotpEnrollmentResponse(code));
            if (result.Ok)
            {
                user.TotpSecret = secret;
                user.TotpParameters = parameters;
                user.TotpAuthenticatorId = result.Authenticator;
                user.TotpSpentStep = step;
            }

            return result;
        });
    }

    private async Task<bool> EnrollWebAuthnAsync(SoakUser user)
    {
        var template = new OperationRecord { Instance = _name, Op = Operations.WebAuthnEnroll, User = user.Id, Start = Now };
        var key = new TestAuthenticator("https://" + RpId);
        var ok = await GuardAsync(template, async () =>
        {
            var begun = await _mfa.BeginEnrollmentAsync(user.Verified(_time), new WebAuthnEnrollmentRequest(WebAuthnAuthenticatorKind.SecurityKey));
            if (!begun.Succeeded)
            {
                return template with { End = Now, Reason = begun.FailureReason.ToString() };
            }

            var registration = key.Register(begun.Prompt.OptionsJson);
            var record = template with { Enrollment = begun.EnrollmentId, Credential = key.CredentialIdText };
            return await CompleteEnrollmentAsync(user, record, new WebAuthnEnrollmentResponse(registration.ToJson()));
        });
        if (ok)
        {
            // Counters start at 1: 0 means "no counter" to a relying party.
            key.SignCount = 1;
            user.Keys.Add(key);
        }
        else
        {
            key.Dispose();
        }

        return ok;
    }

    /// <summary>Completes an enrollment; after a store fault, completes the same enrollment again with the same response.</summary>
    private async Task<OperationRecord> CompleteEnrollmentAsync(SoakUser user, OperationRecord record, EnrollmentResponse response)
    {
        for (var attempt = 0; ; attempt++)
        {
            var start = attempt == 0 ? record.Start : Now;
            var result = await _mfa.CompleteEnrollmentAsync(user.Verified(_time), record.Enrollment!, response);
            var outcome = record with
            {
                Start = start,
                End = Now,
                Ok = result.Succeeded,
                Reason = result.FailureReason.ToString(),
                Authenticator = result.Authenticator?.Id,
                Retry = attempt > 0,
            };
            if (result.FailureReason != MfaFailureReason.StoreUnavailable || attempt == EnrollmentRetries)
            {
                return outcome;
            }

            _log.Write(outcome);
            await Task.Delay(TimeSpan.FromMilliseconds(100), _time);
        }
    }

    private async Task TotpSignInAsync(SoakUser user, bool race)
    {
        var now = _time.GetUtcNow();
        var step = user.TotpParameters.TimeStepAt(now.ToUnixTimeSeconds());
        var code = TotpCode.Generate(user.TotpSecret, now, user.TotpParameters);
        user.TotpSpentStep = step;
        var template = new OperationRecord { Instance = _name, Op = Operations.TotpSignIn, User = user.Id, Authenticator = user.TotpAuthenticatorId, Step = step, Code = code, Race = race };
        if (race)
        {
            await Task.WhenAll(TotpAttemptAsync(template), TotpAttemptAsync(template));
            return;
        }

        if (await TotpAttemptAsync(template) is { Reason: nameof(MfaFailureReason.StoreUnavailable) })
        {
            // The same still-valid code after a fault: it succeeds unless the fault hid a success.
            await TotpAttemptAsync(template with { Retry = true });
        }
    }

    private async Task<OperationRecord> TotpAttemptAsync(OperationRecord template)
    {
        var start = template with { Start = Now };
        var record = await RunAsync(start, async () =>
        {
            var user = new MfaUser(start.User, start.User);
            var begun = await _mfa.BeginChallengeAsync(user, new ChallengeRequest(FactorKinds.Totp, MfaPurpose.SignIn));
            if (!begun.Succeeded)
            {
                return start with { End = Now, Reason = begun.FailureReason.ToString() };
            }

            var result = await _mfa.CompleteChallengeAsync(user, begun.ChallengeId, MfaPurpose.SignIn, new TotpChallengeResponse(start.Code!));
            return start with
            {
                End = Now,
                Ok = result.Succeeded,
                Reason = result.FailureReason.ToString(),
                Authenticator = result.AuthenticatorId ?? start.Authenticator,
                Challenge = begun.ChallengeId,
            };
        });
        _log.Write(record);
        return record;
    }

    private async Task WebAuthnSignInAsync(SoakUser user, TestAuthenticator key)
    {
        var template = new OperationRecord { Instance = _name, Op = Operations.WebAuthnSignIn, User = user.Id, Credential = key.CredentialIdText };
        var prepared = await PrepareAssertionAsync(template, key);
        if (prepared is null)
        {
            return;
        }

        if (await CompleteAssertionAsync(prepared) is { Reason: nameof(MfaFailureReason.StoreUnavailable) })
        {
            // The same answer to the same challenge after a fault: it succeeds unless the fault hid a success.
            await CompleteAssertionAsync(prepared with { Retry = true });
        }
    }

    /// <summary>Two assertions of one key (counters n and n+1) on two challenges, completed at once.</summary>
    private async Task WebAuthnRaceAsync(SoakUser user, TestAuthenticator key)
    {
        var template = new OperationRecord { Instance = _name, Op = Operations.WebAuthnSignIn, User = user.Id, Credential = key.CredentialIdText, Race = true };
        var first = await PrepareAssertionAsync(template, key);
        var second = await PrepareAssertionAsync(template, key);
        if (first is not null && second is not null)
        {
            await Task.WhenAll(CompleteAssertionAsync(first), CompleteAssertionAsync(second));
        }
    }

    /// <summary>Assertions n and n+1 on two challenges; n+1 lands first, so n (a cloned key's answer) must be refused.</summary>
    private async Task WebAuthnStaleAsync(SoakUser user, TestAuthenticator key)
    {
        var template = new OperationRecord { Instance = _name, Op = Operations.WebAuthnSignIn, User = user.Id, Credential = key.CredentialIdText };
        var stale = await PrepareAssertionAsync(template, key);
        var fresh = await PrepareAssertionAsync(template, key);
        if (stale is null || fresh is null)
        {
            return;
        }

        var landed = await CompleteAssertionAsync(fresh);
        await CompleteAssertionAsync(landed.Ok ? stale with { Op = Operations.WebAuthnStale, Attack = true } : stale with { Race = true });
    }

    /// <summary>Begins a challenge and has the key answer it; null (logged) when the begin failed.</summary>
    private async Task<OperationRecord?> PrepareAssertionAsync(OperationRecord template, TestAuthenticator key)
    {
        var start = template with { Start = Now };
        OperationRecord? prepared = null;
        var failed = await TryRunAsync(start, async () =>
        {
            var begun = await _mfa.BeginChallengeAsync(new MfaUser(start.User, start.User), new WebAuthnChallengeRequest(MfaPurpose.SignIn));
            if (!begun.Succeeded)
            {
                return start with { End = Now, Reason = begun.FailureReason.ToString() };
            }

            var assertion = key.Assert(begun.Prompt.OptionsJson);
            var counter = key.SignCount;
            assertion.SignCount = counter;
            prepared = start with { Challenge = begun.ChallengeId, Counter = counter, Assertion = assertion.ToJson() };
            return null;
        });
        if (failed is not null)
        {
            _log.Write(failed);
        }

        return prepared;
    }

    private async Task<OperationRecord> CompleteAssertionAsync(OperationRecord prepared)
    {
        var start = prepared with { Start = prepared.Retry ? Now : prepared.Start };
        var record = await RunAsync(start, async () =>
        {
            var result = await _mfa.CompleteChallengeAsync(new MfaUser(start.User, start.User), start.Challenge!, MfaPurpose.SignIn, new WebAuthnChallengeResponse(start.Assertion!));
            return start with { End = Now, Ok = result.Succeeded, Reason = result.FailureReason.ToString(), Authenticator = result.AuthenticatorId };
        });
        _log.Write(record);
        return record;
    }

    // --- the replayer --------------------------------------------------------------------------------------

    /// <summary>Tails the other instance's log and replays every code and assertion it had accepted.</summary>
    private async Task ReplayAsync(string peerLog, CancellationToken stop)
    {
        var reader = new JsonLineReader<OperationRecord>(peerLog);
        while (!stop.IsCancellationRequested)
        {
            var accepted = reader.ReadNew().Where(r => r is { Ok: true, Attack: false }).ToList();

            // Under a backlog, the newest first: a replay matters while the code or challenge is still valid.
            foreach (var record in accepted.TakeLast(64))
            {
                if (record.Code is not null)
                {
                    await TotpAttemptAsync(record with { Instance = _name, Op = Operations.TotpReplay, Enrollment = null, Attack = true, Race = false, Retry = false, Ok = false });
                }
                else if (record is { Assertion: not null, Challenge: not null })
                {
                    var replay = record with { Instance = _name, Op = Operations.WebAuthnReplay, Attack = true, Race = false, Retry = false, Ok = false };
                    await CompleteAssertionAsync(replay with { Start = Now });
                    var fresh = await PrepareReplayChallengeAsync(replay);
                    if (fresh is not null)
                    {
                        await CompleteAssertionAsync(fresh);
                    }
                }
            }

            if (accepted.Count == 0)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), _time, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>A new challenge of the victim, to be answered with the old assertion.</summary>
    private async Task<OperationRecord?> PrepareReplayChallengeAsync(OperationRecord replay)
    {
        var start = replay with { Start = Now };
        var begun = await RunAsync(start, async () =>
        {
            var result = await _mfa.BeginChallengeAsync(new MfaUser(start.User, start.User), new WebAuthnChallengeRequest(MfaPurpose.SignIn));
            return start with { End = Now, Ok = result.Succeeded, Reason = result.FailureReason.ToString(), Challenge = result.ChallengeId };
        });
        if (!begun.Ok)
        {
            _log.Write(begun with { Ok = false });
            return null;
        }

        return begun with { Ok = false, Reason = nameof(MfaFailureReason.None) };
    }

    // --- outcomes ------------------------------------------------------------------------------------------

    /// <summary>Runs one operation; an exception that escapes the SDK becomes the record's outcome (a violation).</summary>
    private async Task<OperationRecord?> TryRunAsync(OperationRecord template, Func<Task<OperationRecord?>> operation)
    {
        try
        {
            return await operation();
        }
#pragma warning disable CA1031 // Any exception out of the SDK is what the soak looks for.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return template with { End = Now, Ok = false, Reason = "Exception", Exception = Describe(e) };
        }
    }

    /// <summary>The exception's type and message and the SDK frames it passed (where it escaped from).</summary>
    private static string Describe(Exception e)
    {
        var frames = (e.StackTrace ?? "").Split('\n').Select(f => f.Trim()).Where(f => f.StartsWith("at Mfa.", StringComparison.Ordinal) && !f.StartsWith("at Mfa.Soak", StringComparison.Ordinal)).Take(6);
        return e.GetType().FullName + ": " + e.Message + " | " + string.Join(" | ", frames);
    }

    private async Task<OperationRecord> RunAsync(OperationRecord template, Func<Task<OperationRecord>> operation) =>
        (await TryRunAsync(template, async () => await operation()))!;

    private async Task<bool> GuardAsync(OperationRecord template, Func<Task<OperationRecord>> operation)
    {
        var record = await RunAsync(template, operation);
        _log.Write(record);
        return record.Ok;
    }
}
