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
public sealed class CodeFactor(string kind = CodeFactor.DefaultKind, TimeProvider? time = null) : IFactor
{
    public const string DefaultKind = "code";

    private const int CodeLength = 12;

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

    /// <summary>The records the service reported as stored through <see cref="EnrollmentCompleteResult.OnStored"/>.</summary>
    public ConcurrentQueue<AuthenticatorRecord> Stored { get; } = new();

    /// <summary>When set, the verifier awaits this before it checks the code (after counting the call).</summary>
    public Func<Task>? InsideVerifier { get; set; }

    /// <summary>Makes a fresh random code in this factor's format.</summary>
    /// <returns>A 12-character upper-case hex code.</returns>
    public static string NewCode() => Convert.ToHexString(RandomNumberGenerator.GetBytes(CodeLength / 2));

    public ValueTask<EnrollmentBeginResult> BeginEnrollmentAsync(MfaUser user, EnrollmentRequest request, IReadOnlyList<AuthenticatorRecord> existing, CancellationToken cancellationToken = default)
    {
        var code = NewCode();
        var state = Encoding.UTF8.GetBytes(code + (request.Name ?? "Code authenticator"));
        return ValueTask.FromResult<EnrollmentBeginResult>(new CodeEnrollmentBeginResult(state, code));
    }

    public ValueTask<EnrollmentCompleteResult> CompleteEnrollmentAsync(MfaUser user, ReadOnlyMemory<byte> state, EnrollmentResponse response, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _enrollmentCompletions);
        var text = Encoding.UTF8.GetString(state.Span);
        if (response is not CodeEnrollmentResponse typed || text.Length < CodeLength)
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput));
        }

        if (!CodesEqual(text[..CodeLength], typed.Code))
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(MfaFailureReason.InvalidCode));
        }

        var record = new AuthenticatorRecord
        {
            Id = AuthenticatorRecord.NewId(),
            UserId = user.Id,
            Kind = Kind,
            Name = text[CodeLength..],
            CredentialId = EnrollCredentialId,
            Data = "{\"generation\":0}",
            CreatedAt = (time ?? TimeProvider.System).GetUtcNow(),
        };
        return ValueTask.FromResult(new EnrollmentCompleteResult(record)
        {
            OnStored = (stored, _) =>
            {
                Stored.Enqueue(stored);
                return ValueTask.CompletedTask;
            },
        });
    }

    public ValueTask<ChallengeBeginResult> BeginChallengeAsync(MfaUser user, IReadOnlyList<AuthenticatorRecord> authenticators, ChallengeRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _challengeBegins);
        if (BeginFailure is { } failure)
        {
            return ValueTask.FromResult(ChallengeBeginResult.Failure(failure));
        }

        var code = NewCode();
        return ValueTask.FromResult<ChallengeBeginResult>(new CodeChallengeBeginResult(Encoding.UTF8.GetBytes(code), code));
    }

    public async ValueTask<ChallengeCompleteResult> CompleteChallengeAsync(MfaUser user, IReadOnlyList<AuthenticatorRecord> authenticators, ReadOnlyMemory<byte> state, ChallengeResponse response, CancellationToken cancellationToken = default)
    {
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
            return new ChallengeCompleteResult(other);
        }

        return ReportChange
            ? new ChallengeCompleteResult(record with { Data = "{\"generation\":" + (record.Version + 1) + "}" }, changed: true)
            : new ChallengeCompleteResult(record);
    }

    private static bool CodesEqual(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
