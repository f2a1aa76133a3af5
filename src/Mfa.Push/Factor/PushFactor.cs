using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Push.AntiFatigue;
using Mfa.Push.Challenges;
using Mfa.Push.Enrollment;
using Mfa.Push.Responses;
using Mfa.Push.Transports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mfa.Push.Factor;

/// <summary>
/// The push factor on the MFA service (out of band). Enrollment: the QR URI's <c>eid</c> is the service's enrollment id;
/// the phone's request is verified per push spec §3.4 and the record's data is the <see cref="PushDeviceCredential"/>.
/// Challenge: one signed token per active device (<c>cid</c> = the service's challenge id), notifications through the
/// <see cref="IPushTransport"/> of each address's kind (a failed delivery never fails the challenge: the phone can pull).
/// Answer: <see cref="PushResponseVerifier"/> over the bytes as received; the service records one answer atomically.
/// Complete: <see cref="PushCompletion"/> on the recorded answer. Pure apart from delivery: no store is touched here.
/// </summary>
internal sealed class PushFactor : IOutOfBandFactor, IAuthenticatorHealth
{
    private readonly IOptions<PushOptions> _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<PushAddressKind, IPushTransport> _transports;
    private readonly ILogger _logger;
    private readonly IPushFatigueCounters? _counters;
    private readonly PushDeviceRegistry? _registry;

    public PushFactor(IOptions<PushOptions> options, TimeProvider time, IEnumerable<IPushTransport> transports, ILogger<PushFactor>? logger = null, IPushFatigueCounters? counters = null, PushDeviceRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(transports);
        _options = options;
        _time = time;
        var byKind = new Dictionary<PushAddressKind, IPushTransport>();
        foreach (var transport in transports)
        {
            byKind.TryAdd(transport.Kind, transport);
        }

        _transports = byKind;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _counters = counters;
        _registry = registry;
    }

    public string Kind => FactorKinds.Push;

    private PushOptions Options => _options.Value;

    public ValueTask<EnrollmentBeginResult> BeginEnrollmentAsync(EnrollmentContext context, EnrollmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        if (request is not PushEnrollmentRequest push)
        {
            return ValueTask.FromResult(EnrollmentBeginResult.Failure(MfaFailureReason.MalformedInput, "Expected a push enrollment request."));
        }

        // One user handle per user: every phone of the user signs challenges for the same `sub`.
        var handle = context.Existing.Select(r => ReadDevice(r)?.UserHandle).FirstOrDefault(h => h is not null);
        var start = new PushEnrollment(Options, _time).BeginFor(context.EnrollmentId, push.AccountLabel ?? context.User.DisplayName, handle);
        var expiresAt = start.ExpiresAt < context.ExpiresAt ? start.ExpiresAt : context.ExpiresAt;
        var state = JsonSerializer.SerializeToUtf8Bytes(new PushFactorEnrollmentState(start.State, context.Name), PushJsonContext.Default.PushFactorEnrollmentState);
        return ValueTask.FromResult(EnrollmentBeginResult.Begun(new PushEnrollmentPrompt(start.Uri, expiresAt), state));
    }

    public ValueTask<EnrollmentCompleteResult> CompleteEnrollmentAsync(EnrollmentContext context, ReadOnlyMemory<byte> state, EnrollmentResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(response);
        if (response is not PushEnrollmentResponse push)
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "Expected a push enrollment response."));
        }

        if (Read(state.Span, PushJsonContext.Default.PushFactorEnrollmentState) is not { Enrollment: { } enrollment } kept)
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "The enrollment state is unreadable."));
        }

        var verified = new PushEnrollment(Options, _time).Verify(push.EnrollToken, enrollment, context.Existing.Count);
        if (!verified.Succeeded)
        {
            PushFactorLog.EnrollmentRefused(_logger, context.EnrollmentId, verified.Error);
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(verified.FailureReason));
        }

        var credential = verified.Credential with { CreatedAt = context.Now };
        var record = new AuthenticatorRecord
        {
            // The enrollment id as record id: completing the same enrollment twice finds one record, never two.
            Id = context.EnrollmentId,
            UserId = context.User.Id,
            Kind = Kind,
            Name = kept.Name ?? context.Name ?? (credential.DisplayName.Length > 0 ? credential.DisplayName : "Phone"),
            CredentialId = credential.CredentialId,
            Data = JsonSerializer.Serialize(credential, PushJsonContext.Default.PushDeviceCredential),
            CreatedAt = context.Now,
        };
        push.DeviceResponseJson = verified.ResponseJson;
        return ValueTask.FromResult(EnrollmentCompleteResult.Enrolled(record));
    }

    public async ValueTask<ChallengeBeginResult> BeginChallengeAsync(ChallengeContext context, ChallengeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        if (request is not PushChallengeRequest push)
        {
            return ChallengeBeginResult.Failure(MfaFailureReason.MalformedInput, "Expected a push challenge request.");
        }

        // Push spec §8: the anti-fatigue limits, before anything is signed or sent.
        if (_counters is not null)
        {
            var input = await _counters.ReadAsync(context.User.Id, push.ClientKey, cancellationToken).ConfigureAwait(false);
            var fatigue = new PushFatiguePolicy(Options).Evaluate(input, context.Now);
            if (!fatigue.Succeeded)
            {
                if (fatigue.Limit == PushLimit.FraudBlock)
                {
                    PushFactorLog.FraudBlocked(_logger, context.User.Id, input.FraudReportedAt.GetValueOrDefault() + Options.FraudBlock);
                }

                PushFactorLog.Limited(_logger, context.User.Id, fatigue.Limit);
                return ChallengeBeginResult.Failure(fatigue.FailureReason, fatigue.Limit.ToString());
            }
        }

        var devices = Devices(context.Authenticators);
        var pushContext = new PushContext
        {
            Application = push.Application,
            IpAddress = push.IpAddress,
            Location = push.Location,
            UserAgent = push.UserAgent,
            AccountLabel = push.AccountLabel ?? context.User.DisplayName,
            Transaction = TransactionOf(context.Purpose),
            HighRisk = push.HighRisk,
        };
        var issued = new PushChallengeIssuer(Options, _time).Create(context.ChallengeId, devices.Select(d => d.Credential).ToList(), pushContext);
        if (!issued.Succeeded)
        {
            return ChallengeBeginResult.Failure(issued.FailureReason, issued.Message);
        }

        if (_counters is not null)
        {
            await _counters.RecordChallengeAsync(context.User.Id, push.ClientKey, context.Now, cancellationToken).ConfigureAwait(false);
        }

        var notified = 0;
        var unreachable = new List<string>();
        foreach (var notification in issued.Notifications)
        {
            var device = devices.First(d => d.Credential.CredentialId == notification.CredentialId);
            var sent = await SendAsync(notification, cancellationToken).ConfigureAwait(false);
            if (sent.Succeeded)
            {
                notified++;
            }
            else if (sent.Outcome == PushSendOutcome.InvalidAddress)
            {
                PushFactorLog.DeviceGone(_logger, context.ChallengeId, context.User.Id, device.Record.Id, notification.Address.Kind);
                unreachable.Add(device.Record.Id);
                if (_registry is not null)
                {
                    await _registry.MarkAddressGoneAsync(device.Record, device.Credential, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                PushFactorLog.DeliveryFailed(_logger, context.ChallengeId, context.User.Id, device.Record.Id, notification.Address.Kind, sent.Outcome);
            }
        }

        var state = JsonSerializer.SerializeToUtf8Bytes(issued.State with { ClientKey = push.ClientKey }, PushJsonContext.Default.PushChallengeState);
        var prompt = new PushChallengePrompt(issued.State.DisplayNumber, issued.State.ExpiresAt, notified, unreachable) { PollInterval = Options.PollInterval };
        return ChallengeBeginResult.Begun(prompt, state);
    }

    public async ValueTask<ChallengeAnswerResult> VerifyAnswerAsync(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(answer);
        var (result, challenge, status) = VerifyAnswer(context, state, answer);
        if (result.Succeeded && _counters is not null && challenge is not null)
        {
            // Push spec §7–§8: a deny, wrong number or fraud report starts the cool-downs; any answer ends "pending".
            await _counters.RecordAnswerAsync(context.User.Id, challenge.ClientKey, status, context.Now, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public async ValueTask<ChallengeCompleteResult> CompleteChallengeAsync(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(response);
        var result = Complete(context, state, response);
        if (result.Succeeded && _counters is not null)
        {
            await _counters.RecordSuccessAsync(context.User.Id, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>A device is usable while it is active and its push address works (a poll-only device always can pull).</summary>
    public bool IsUsable(AuthenticatorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ReadDevice(record) is { Status: PushDeviceStatus.Active, AddressValid: true };
    }

    internal static PushTransactionType TransactionOf(MfaPurpose purpose) =>
        purpose == MfaPurpose.SignIn ? PushTransactionType.Login
        : purpose == MfaPurpose.Enrollment ? PushTransactionType.Enroll
        : PushTransactionType.StepUp;

    private (ChallengeAnswerResult Result, PushChallengeState? Challenge, PushChallengeStatus Status) VerifyAnswer(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeAnswer answer)
    {
        if (answer is not PushChallengeAnswer push)
        {
            return (ChallengeAnswerResult.Failure(MfaFailureReason.MalformedInput, "Expected a push challenge answer."), null, default);
        }

        if (Read(state.Span, PushJsonContext.Default.PushChallengeState) is not { } challenge || challenge.ChallengeId != context.ChallengeId)
        {
            return (ChallengeAnswerResult.Failure(MfaFailureReason.MalformedInput, "The challenge state is unreadable."), null, default);
        }

        var devices = Devices(context.Authenticators);
        var verified = new PushResponseVerifier(Options, _time).Verify(push.ResponseToken, challenge, devices.Select(d => d.Credential).ToList());
        if (verified.IsSecurityEvent && verified.Error == PushProtocolError.InvalidSignature)
        {
            PushFactorLog.InvalidSignature(_logger, context.ChallengeId, context.User.Id);
        }

        // A verified deny, fraud report or wrong number is an answer too: it is recorded and ends the challenge.
        if (verified.Answer is not { } recorded || verified.IsRepeat)
        {
            return (ChallengeAnswerResult.Failure(
                verified.FailureReason == MfaFailureReason.None ? MfaFailureReason.AlreadyAnswered : verified.FailureReason,
                verified.Error.ToCode()), null, default);
        }

        var device = devices.FirstOrDefault(d => d.Credential.CredentialId == recorded.CredentialId);
        if (device.Record is null)
        {
            return (ChallengeAnswerResult.Failure(MfaFailureReason.UnknownAuthenticator), null, default);
        }

        var outcome = recorded.Status switch
        {
            PushChallengeStatus.Approved => ChallengeAnswerOutcome.Approved,
            PushChallengeStatus.FraudReported => ChallengeAnswerOutcome.FraudReported,
            _ => ChallengeAnswerOutcome.Denied,
        };
        return (ChallengeAnswerResult.Answered(device.Record, outcome, JsonSerializer.SerializeToUtf8Bytes(recorded, PushJsonContext.Default.PushAnswer)), challenge, recorded.Status);
    }

    private ChallengeCompleteResult Complete(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeResponse response)
    {
        if (response is not PushPollResponse)
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "Expected a push poll.");
        }

        if (Read(state.Span, PushJsonContext.Default.PushChallengeState) is not { } challenge || challenge.ChallengeId != context.ChallengeId)
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "The challenge state is unreadable.");
        }

        PushAnswer? answer = null;
        if (context.Answer is { } bytes && (answer = Read(bytes.Span, PushJsonContext.Default.PushAnswer)) is null)
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "The recorded answer is unreadable.");
        }

        var completion = PushCompletion.Evaluate(challenge, answer, context.Now);
        if (completion.IsPending)
        {
            return ChallengeCompleteResult.Pending(Options.PollInterval);
        }

        var device = answer is null ? null : context.Authenticators.FirstOrDefault(r => r.CredentialId == answer.CredentialId);
        if (completion.Succeeded)
        {
            return device is null
                ? ChallengeCompleteResult.Failure(MfaFailureReason.UnknownAuthenticator)
                : ChallengeCompleteResult.Verified(device, new PushVerificationDetails(completion.CredentialId, completion.UserVerified));
        }

        return ChallengeCompleteResult.Failure(completion.FailureReason, authenticator: device);
    }

    private async ValueTask<PushSendResult> SendAsync(PushNotification notification, CancellationToken cancellationToken)
    {
        if (!_transports.TryGetValue(notification.Address.Kind, out var transport))
        {
            return new PushSendResult(PushSendOutcome.ConfigError, Detail: "no transport for this kind");
        }

        try
        {
            return await transport.SendAsync(notification.Address, notification.Message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Delivery is a wake-up only: the phone can pull, so a transport fault never fails the challenge.
            return new PushSendResult(PushSendOutcome.TransientError, Detail: ex.GetType().Name);
        }
    }

    private static List<(AuthenticatorRecord Record, PushDeviceCredential Credential)> Devices(IReadOnlyList<AuthenticatorRecord> records)
    {
        var devices = new List<(AuthenticatorRecord, PushDeviceCredential)>(records.Count);
        foreach (var record in records)
        {
            if (ReadDevice(record) is { } credential)
            {
                devices.Add((record, credential));
            }
        }

        return devices;
    }

    private static PushDeviceCredential? ReadDevice(AuthenticatorRecord record) =>
        record.Kind == FactorKinds.Push ? Read(System.Text.Encoding.UTF8.GetBytes(record.Data), PushJsonContext.Default.PushDeviceCredential) : null;

    private static T? Read<T>(ReadOnlySpan<byte> json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class => FactorJson.TryRead(json, type, out var value) ? value : null;
}
