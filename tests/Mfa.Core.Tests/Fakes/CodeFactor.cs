using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Mfa.Core.Factors;

namespace Mfa.Core.Tests.Fakes;

/// <summary>
/// A test factor: a challenge expects the code kept in its state; an enrollment expects its own code and creates a record.
/// It counts how often the service reaches its verifier and can be told to fail, to answer with another record, to
/// report a changed record, or to wait inside the verifier.
/// </summary>
public sealed class CodeFactor(string kind = CodeFactor.DefaultKind, TimeProvider? time = null) : IReprotectingFactor
{
    public const string DefaultKind = "code";

    private const int CodeLength = 12;
    private const int IdLength = 22;

    private int _challengeBegins;
    private int _challengeCompletions;
    private int _enrollmentCompletions;

    public string Kind { get; } = kind;

    /// <summary>How many times a challenge was begun.</summary>
    public int ChallengeBegins => Volatile.Read(ref _challengeBegins);

    /// <summary>How many times the service reached the challenge verifier.</summary>
    public int ChallengeCompletions => Volatile.Read(ref _challengeCompletions);

    /// <summary>How many times the service reached the enrollment verifier.</summary>
    public int EnrollmentCompletions => Volatile.Read(ref _enrollmentCompletions);

    /// <summary>When set, beginning a challenge fails with this reason.</summary>
    public MfaFailureReason? BeginFailure { get; set; }

    /// <summary>When set, completing a challenge fails with this reason even with the right code.</summary>
    public MfaFailureReason? CompleteFailure { get; set; }

    /// <summary>When set, a successful challenge answers with this record instead of the one it verified.</summary>
    public AuthenticatorRecord? AnswerWith { get; set; }

    /// <summary>When set, a successful challenge reports the record as changed (as a signature counter would).</summary>
    public bool ReportChange { get; set; }

    /// <summary>When set, enrolled records carry this credential id (globally unique per factor in the store).</summary>
    public string? EnrollCredentialId { get; set; }

    /// <summary>When set, an enrollment asks the service to record this replay-guard step for the new record first.</summary>
    public long? InitialReplayStep { get; set; }

    /// <summary>When set, a successful challenge reports these replay-guard steps for the service to advance.</summary>
    public IReadOnlyList<long>? ReplaySteps { get; set; }

    /// <summary>The enrollment contexts the factor was called with.</summary>
    public ConcurrentQueue<EnrollmentContext> EnrollmentContexts { get; } = new();

    /// <summary>The challenge contexts the factor was called with (begin and complete).</summary>
    public ConcurrentQueue<ChallengeContext> ChallengeContexts { get; } = new();

    /// <summary>When set, the verifier awaits this before it checks the code (after counting the call).</summary>
    public Func<Task>? InsideVerifier { get; set; }

    /// <summary>Makes a fresh random code in this factor's format.</summary>
    /// <returns>A 12-character upper-case hex code.</returns>
    public static string NewCode() => Convert.ToHexString(RandomNumberGenerator.GetBytes(CodeLength / 2));

    public ValueTask<EnrollmentBeginResult> BeginEnrollmentAsync(EnrollmentContext context, EnrollmentRequest request, CancellationToken cancellationToken = default)
    {
        EnrollmentContexts.Enqueue(context);
        var code = NewCode();
        var state = Encoding.UTF8.GetBytes(code + context.EnrollmentId + (context.Name ?? "Code authenticator"));
        return ValueTask.FromResult(EnrollmentBeginResult.Begun(new CodeEnrollmentPrompt(code), state));
    }

    public ValueTask<EnrollmentCompleteResult> CompleteEnrollmentAsync(EnrollmentContext context, ReadOnlyMemory<byte> state, EnrollmentResponse response, CancellationToken cancellationToken = default)
    {
        EnrollmentContexts.Enqueue(context);
        var user = context.User;
        Interlocked.Increment(ref _enrollmentCompletions);
        var text = Encoding.UTF8.GetString(state.Span);
        if (response is not CodeEnrollmentResponse typed || text.Length < CodeLength + IdLength)
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput));
        }

        if (!CodesEqual(text[..CodeLength], typed.Code))
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(MfaFailureReason.InvalidCode));
        }

        // The record id is fixed by the enrollment (as real factors fix it at begin): completing it twice stores one record.
        var record = new AuthenticatorRecord
        {
            Id = text[CodeLength..(CodeLength + IdLength)],
            UserId = user.Id,
            Kind = Kind,
            Name = text[(CodeLength + IdLength)..],
            CredentialId = EnrollCredentialId,
            Data = "{\"generation\":0}",
            CreatedAt = (time ?? TimeProvider.System).GetUtcNow(),
        };
        return ValueTask.FromResult(EnrollmentCompleteResult.Enrolled(record, InitialReplayStep));
    }

    public ValueTask<ChallengeBeginResult> BeginChallengeAsync(ChallengeContext context, ChallengeRequest request, CancellationToken cancellationToken = default)
    {
        ChallengeContexts.Enqueue(context);
        Interlocked.Increment(ref _challengeBegins);
        if (BeginFailure is { } failure)
        {
            return ValueTask.FromResult(ChallengeBeginResult.Failure(failure));
        }

        var code = NewCode();
        return ValueTask.FromResult(ChallengeBeginResult.Begun(new CodeChallengePrompt(code), Encoding.UTF8.GetBytes(code)));
    }

    public async ValueTask<ChallengeCompleteResult> CompleteChallengeAsync(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeResponse response, CancellationToken cancellationToken = default)
    {
        ChallengeContexts.Enqueue(context);
        var authenticators = context.Authenticators;
        Interlocked.Increment(ref _challengeCompletions);
        if (InsideVerifier is { } inside)
        {
            await inside();
        }

        if (response is not CodeChallengeResponse typed)
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput);
        }

        var record = typed.AuthenticatorId is null ? authenticators[0] : authenticators.FirstOrDefault(r => r.Id == typed.AuthenticatorId);
        if (record is null)
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.UnknownAuthenticator);
        }

        if (!CodesEqual(Encoding.UTF8.GetString(state.Span), typed.Code))
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.InvalidCode, authenticator: record);
        }

        if (CompleteFailure is { } failure)
        {
            return ChallengeCompleteResult.Failure(failure, authenticator: record);
        }

        if (AnswerWith is { } other)
        {
            return ChallengeCompleteResult.Verified(other);
        }

        return ChallengeCompleteResult.Verified(record, details: null, ReportChange ? "{\"generation\":" + (record.Version + 1) + "}" : null, ReplaySteps);
    }

    private static bool CodesEqual(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    /// <summary>A record whose data says <c>"sealed"</c> holds a secret no key opens (key id "retired"); any other is current.</summary>
    public SecretReprotection Reprotect(AuthenticatorRecord record) =>
        record.Data.Contains("\"sealed\"", StringComparison.Ordinal) ? SecretReprotection.Unreadable("retired") : SecretReprotection.Current("k1");
}
