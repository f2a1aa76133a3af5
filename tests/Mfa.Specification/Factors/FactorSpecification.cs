using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Testing;
using Mfa.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Specification.Factors;

/// <summary>
/// The conventions every factor keeps, run through <see cref="IMfaService"/> with in-memory stores, a
/// <see cref="FakeTimeProvider"/> and captured logs: enrollment and challenge round trips, requests, responses and
/// answers of another factor's type, unreadable state, authenticator names, expiry, no secret in messages or logs, and a
/// failure that changes no state. A factor's test project inherits it once and supplies the hooks.
/// </summary>
/// <typeparam name="TEnrollmentPrompt">What the factor's enrollment request promises to show the user.</typeparam>
/// <remarks>
/// Out-of-band factors (push, Duo) implement <see cref="AnswerChallengeAsync"/> by having the third party answer through
/// <see cref="IMfaService.AnswerChallengeAsync"/> and returning the poll response, and override
/// <see cref="ChallengeConsumedByFirstAttempt"/> if a refused response leaves their challenge pending.
/// </remarks>
[TestFixture]
public abstract class FactorSpecification<TEnrollmentPrompt>
    where TEnrollmentPrompt : EnrollmentPrompt
{
    private readonly List<string> _secrets = [];

    /// <summary>The user every test enrolls and signs in.</summary>
    protected static MfaUser Alice { get; } = new("alice-spec", "Alice Example");

    /// <summary>The clock of the host; tests advance it, never sleep.</summary>
    protected FakeTimeProvider Time { get; private set; } = null!;

    /// <summary>Every log entry the host wrote during the test.</summary>
    protected CapturingLoggerProvider Logs { get; private set; } = null!;

    /// <summary>The host's services.</summary>
    protected ServiceProvider Host { get; private set; } = null!;

    /// <summary>The service under test.</summary>
    protected IMfaService Mfa => Host.GetRequiredService<IMfaService>();

    /// <summary>The factor under test, resolved as the service resolves it.</summary>
    protected IFactor Factor => Host.GetServices<IFactor>().Single(f => f.Kind == Kind);

    /// <summary>The MFA options of the host (lifetimes).</summary>
    protected MfaOptions Options => Host.GetRequiredService<IOptions<MfaOptions>>().Value;

    /// <summary>The factor kind (<see cref="FactorKinds"/>).</summary>
    protected abstract string Kind { get; }

    /// <summary>
    /// Whether a challenge is consumed by its first completion attempt, successful or not (code factors and WebAuthn).
    /// An out-of-band factor whose refused response leaves the challenge pending overrides this with <see langword="false"/>.
    /// </summary>
    protected virtual bool ChallengeConsumedByFirstAttempt => true;

    /// <summary>
    /// Whether a failed enrollment attempt leaves the enrollment usable (a mistyped first TOTP code): the factor's choice
    /// (<see cref="EnrollmentCompleteResult.FinalFailure"/>). WebAuthn overrides this with <see langword="false"/>: a
    /// registration that failed verification is spent, like a challenge.
    /// </summary>
    protected virtual bool FailedEnrollmentCanBeRetried => true;

    /// <summary>
    /// Whether the factor keeps state between beginning and completing a challenge. A code factor whose challenge state
    /// is empty (TOTP: the code is checked against the stored authenticator) overrides this with <see langword="false"/>,
    /// and unreadable challenge state then only has to be harmless (no exception).
    /// </summary>
    protected virtual bool ChallengeHasState => true;

    /// <summary>The failure reasons that say "this is not a request, response or answer of this factor".</summary>
    protected virtual IReadOnlyCollection<MfaFailureReason> WrongTypeFailures { get; } = [MfaFailureReason.MalformedInput, MfaFailureReason.WrongFactorFlow];

    /// <summary>The secret material the factor handled so far (recorded by the hooks with <see cref="RecordSecret"/>).</summary>
    protected IReadOnlyList<string> Secrets => _secrets;

    /// <summary>Registers the factor under test (<c>mfa.AddTotp()</c>).</summary>
    /// <param name="mfa">The MFA builder of the host.</param>
    protected abstract void AddFactor(IMfaBuilder mfa);

    /// <summary>A valid enrollment request with the given name.</summary>
    /// <param name="name">The authenticator name, or <see langword="null"/> for the factor's default.</param>
    /// <returns>The request.</returns>
    protected abstract EnrollmentRequest<TEnrollmentPrompt> EnrollmentRequest(string? name);

    /// <summary>Answers an enrollment prompt as the user's authenticator does, at the host's current time.</summary>
    /// <param name="enrollmentId">The pending enrollment.</param>
    /// <param name="prompt">What the service showed.</param>
    /// <returns>A valid response.</returns>
    protected abstract Task<EnrollmentResponse> AnswerEnrollmentAsync(string enrollmentId, TEnrollmentPrompt prompt);

    /// <summary>Answers an enrollment prompt wrongly (a wrong code, a signature over other data).</summary>
    /// <param name="enrollmentId">The pending enrollment.</param>
    /// <param name="prompt">What the service showed.</param>
    /// <returns>A well-formed response that must be refused.</returns>
    protected abstract Task<EnrollmentResponse> WrongEnrollmentAnswerAsync(string enrollmentId, TEnrollmentPrompt prompt);

    /// <summary>A valid challenge request.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <returns>The request.</returns>
    protected abstract ChallengeRequest ChallengeRequest(MfaPurpose purpose);

    /// <summary>
    /// Answers a challenge as the user's enrolled authenticator does, at the host's current time (an out-of-band factor
    /// has its device answer through <see cref="IMfaService.AnswerChallengeAsync"/> first and returns the poll).
    /// </summary>
    /// <param name="challengeId">The pending challenge.</param>
    /// <param name="prompt">What the service sent the client.</param>
    /// <returns>A valid response.</returns>
    protected abstract Task<ChallengeResponse> AnswerChallengeAsync(string challengeId, ChallengePrompt prompt);

    /// <summary>Answers a challenge wrongly (a wrong code, a corrupted signature, a denial).</summary>
    /// <param name="challengeId">The pending challenge.</param>
    /// <param name="prompt">What the service sent the client.</param>
    /// <returns>A well-formed response that must be refused.</returns>
    protected abstract Task<ChallengeResponse> WrongChallengeAnswerAsync(string challengeId, ChallengePrompt prompt);

    /// <summary>Adds host configuration (the factor's dependencies, options).</summary>
    /// <param name="services">The host's services.</param>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Remembers secret material the factor handled (a shared secret, a code, a signature): it must never show.</summary>
    /// <param name="secret">The secret text as it would appear.</param>
    protected void RecordSecret(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _secrets.Add(secret);
    }

    [SetUp]
    public void SetUpHost()
    {
        _secrets.Clear();
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 10, TimeSpan.Zero));
        Logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        var mfa = services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores();
        AddFactor(mfa);
        ConfigureServices(services);
        Host = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [TearDown]
    public void TearDownHost() => Host.Dispose();

    // --- helpers --------------------------------------------------------------------------------------------------

    /// <summary>Begins an enrollment that must be accepted.</summary>
    /// <returns>The enrollment id and prompt.</returns>
    protected async Task<(string EnrollmentId, TEnrollmentPrompt Prompt)> BeginEnrollmentAsync(string? name = "Phone")
    {
        var begun = await Mfa.BeginEnrollmentAsync(Alice, EnrollmentRequest(name));
        Assert.That(begun.Succeeded, Is.True, begun.ToString());
        return (begun.EnrollmentId!, begun.Prompt!);
    }

    /// <summary>Enrolls an authenticator for <see cref="Alice"/> through the service.</summary>
    /// <returns>The result (asserted successful).</returns>
    protected async Task<MfaOperationResult> EnrollAsync(string? name = "Phone")
    {
        var (id, prompt) = await BeginEnrollmentAsync(name);
        var completed = await Mfa.CompleteEnrollmentAsync(Alice, id, await AnswerEnrollmentAsync(id, prompt));
        Assert.That(completed.Succeeded, Is.True, completed.ToString());
        return completed;
    }

    /// <summary>Begins a sign-in challenge that must be accepted.</summary>
    /// <returns>The challenge id and prompt.</returns>
    protected async Task<(string ChallengeId, ChallengePrompt Prompt)> BeginChallengeAsync(MfaPurpose? purpose = null)
    {
        var begun = await Mfa.BeginChallengeAsync(Alice, ChallengeRequest(purpose ?? MfaPurpose.SignIn));
        Assert.That(begun.Succeeded, Is.True, begun.ToString());
        return (begun.ChallengeId!, begun.Prompt!);
    }

    /// <summary>Asserts a typed failure saying the input was not of this factor.</summary>
    protected void AssertWrongType(MfaResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.That(result.Succeeded, Is.False, result.ToString());
        Assert.That(result.IsPending, Is.False, result.ToString());
        Assert.That(result.FailureReason, Is.AnyOf([.. WrongTypeFailures]), result.ToString());
    }

    private async Task<IReadOnlyList<AuthenticatorInfo>> ListedAsync() => await Mfa.ListAuthenticatorsAsync(Alice.Id);

    private async Task<AuthenticatorRecord> RecordAsync(string authenticatorId)
    {
        var record = await Host.GetRequiredService<IAuthenticatorStore>().FindByIdAsync(authenticatorId);
        Assert.That(record, Is.Not.Null);
        return record!;
    }

    private static byte[] GarbageState(string kind) => kind switch
    {
        "empty" => [],
        "random" => RandomNumberGenerator.GetBytes(64),
        _ => Encoding.UTF8.GetBytes(kind),
    };

    private static string Name(string kind) => kind switch
    {
        "right-to-left-override" => "Phone\u202Egnp.exe",
        "nul" => "Pho\0ne",
        "lone-surrogate" => "Pho\uD800ne",
        "zero-width-space" => "Pho\u200Bne",
        "65-characters" => new string('n', AuthenticatorNames.MaxLength + 1),
        "only-spaces" => "     ",
        "empty" => string.Empty,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown name case."),
    };

    private static bool Reveals(string text, string secret) => secret.Length >= 16
        ? text.Contains(secret, StringComparison.Ordinal)
        : Regex.IsMatch(text, "(?<![A-Za-z0-9])" + Regex.Escape(secret) + "(?![A-Za-z0-9])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // --- round trips ----------------------------------------------------------------------------------------------

    [Test]
    public async Task Enrollment_RoundTrip_ListsTheAuthenticatorWithTheRequestedName()
    {
        var enrolled = await EnrollAsync("Work laptop");

        var listed = await ListedAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(listed.Select(a => a.Id), Is.EqualTo(new[] { enrolled.Authenticator!.Id }));
            Assert.That(listed.Single().Name, Is.EqualTo("Work laptop"));
            Assert.That(listed.Single().Kind, Is.EqualTo(Kind));
            Assert.That(enrolled.Authenticator!.Name, Is.EqualTo("Work laptop"));
        }
    }

    [Test]
    public async Task Challenge_RoundTrip_ProvesUserAndPurpose()
    {
        var enrolled = await EnrollAsync();
        var purpose = MfaPurpose.StepUp("password-change");
        var (challengeId, prompt) = await BeginChallengeAsync(purpose);

        var result = await Mfa.CompleteChallengeAsync(Alice, challengeId, purpose, await AnswerChallengeAsync(challengeId, prompt));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Succeeded, Is.True, result.ToString());
            Assert.That(result.Proves(Alice.Id, purpose), Is.True);
            Assert.That(result.Proves(Alice.Id, MfaPurpose.SignIn), Is.False);
            Assert.That(result.Kind, Is.EqualTo(Kind));
            Assert.That(result.AuthenticatorId, Is.EqualTo(enrolled.Authenticator!.Id));
        }
    }

    // --- requests, responses and answers of another factor's type -------------------------------------------------

    [Test]
    public async Task BeginEnrollment_RequestOfAnotherType_FailsTypedAndStoresNothing()
    {
        var begun = await Mfa.BeginEnrollmentAsync(Alice, new ForeignEnrollmentRequest(Kind) { Name = "Phone" });

        AssertWrongType(begun);
        Assert.That(begun.EnrollmentId, Is.Null);
        Assert.That(await ListedAsync(), Is.Empty);
    }

    [Test]
    public async Task CompleteEnrollment_ResponseOfAnotherType_FailsTypedAndEnrollmentStillCompletes()
    {
        var (id, prompt) = await BeginEnrollmentAsync();

        var foreign = await Mfa.CompleteEnrollmentAsync(Alice, id, new ForeignEnrollmentResponse(Kind));

        AssertWrongType(foreign);
        Assert.That(await ListedAsync(), Is.Empty);
        var completed = await Mfa.CompleteEnrollmentAsync(Alice, id, await AnswerEnrollmentAsync(id, prompt));
        Assert.That(completed.Succeeded, Is.True, completed.ToString());
    }

    [Test]
    public async Task BeginChallenge_UntypedRequestOfAnotherType_FailsTypedOrBeginsAUsableChallenge()
    {
        await EnrollAsync();

        var begun = await Mfa.BeginChallengeAsync(Alice, (ChallengeRequest)new ForeignChallengeRequest(Kind, MfaPurpose.SignIn));

        if (!begun.Succeeded)
        {
            AssertWrongType(begun);
            return;
        }

        // A factor whose request carries nothing it needs may ignore the request's type; the challenge is then an ordinary one.
        var result = await Mfa.CompleteChallengeAsync(Alice, begun.ChallengeId, MfaPurpose.SignIn, await AnswerChallengeAsync(begun.ChallengeId, begun.Prompt));
        Assert.That(result.Proves(Alice.Id, MfaPurpose.SignIn), Is.True, result.ToString());
    }

    [Test]
    public async Task BeginChallenge_TypedRequestOfAnotherType_FailsTyped()
    {
        await EnrollAsync();

        var begun = await Mfa.BeginChallengeAsync(Alice, new ForeignChallengeRequest(Kind, MfaPurpose.SignIn));

        AssertWrongType(begun);
        Assert.That(begun.Prompt, Is.Null);
    }

    [Test]
    public async Task CompleteChallenge_ResponseOfAnotherType_FailsTypedAndConsumesPerTheFactorsRule()
    {
        await EnrollAsync();
        var (challengeId, prompt) = await BeginChallengeAsync();

        var foreign = await Mfa.CompleteChallengeAsync(Alice, challengeId, MfaPurpose.SignIn, new ForeignChallengeResponse(Kind));

        AssertWrongType(foreign);
        var retried = await Mfa.CompleteChallengeAsync(Alice, challengeId, MfaPurpose.SignIn, await AnswerChallengeAsync(challengeId, prompt));
        if (ChallengeConsumedByFirstAttempt)
        {
            Assert.That(retried.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed), retried.ToString());
        }
        else
        {
            Assert.That(retried.Proves(Alice.Id, MfaPurpose.SignIn), Is.True, retried.ToString());
        }
    }

    [Test]
    public async Task AnswerChallenge_AnswerOfAnotherType_FailsTypedAndChallengeStillCompletes()
    {
        await EnrollAsync();
        var (challengeId, prompt) = await BeginChallengeAsync();

        var answered = await Mfa.AnswerChallengeAsync(challengeId, new ForeignChallengeAnswer(Kind));

        AssertWrongType(answered);
        var result = await Mfa.CompleteChallengeAsync(Alice, challengeId, MfaPurpose.SignIn, await AnswerChallengeAsync(challengeId, prompt));
        Assert.That(result.Proves(Alice.Id, MfaPurpose.SignIn), Is.True, result.ToString());
    }

    // --- unreadable state (the factor called directly) ------------------------------------------------------------

    [TestCase("empty")]
    [TestCase("random")]
    [TestCase("{\"unexpected\":[1,2,3],\"name\":null}")]
    [TestCase("null")]
    [TestCase("[]")]
    [TestCase("{\"truncated\":")]
    public async Task FactorCompleteEnrollment_UnreadableState_FailsTyped(string state)
    {
        var (id, prompt) = await BeginEnrollmentAsync();
        var response = await AnswerEnrollmentAsync(id, prompt);
        var now = Time.GetUtcNow();
        var context = new EnrollmentContext(Alice, id, Name: null, now, now + Options.EnrollmentLifetime, []);

        var result = await Factor.CompleteEnrollmentAsync(context, GarbageState(state), response);

        Assert.That(result.Succeeded, Is.False, result.ToString());
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput), result.ToString());
    }

    [TestCase("empty")]
    [TestCase("random")]
    [TestCase("{\"unexpected\":[1,2,3],\"name\":null}")]
    [TestCase("null")]
    [TestCase("[]")]
    [TestCase("{\"truncated\":")]
    public async Task FactorCompleteChallenge_UnreadableState_FailsTyped(string state)
    {
        await EnrollAsync();
        var (challengeId, prompt) = await BeginChallengeAsync();
        var response = await AnswerChallengeAsync(challengeId, prompt);
        var authenticators = await Host.GetRequiredService<IAuthenticatorStore>().ListByUserAsync(Alice.Id);
        var now = Time.GetUtcNow();
        var context = new ChallengeContext(Alice, challengeId, MfaPurpose.SignIn, now, now + Options.ChallengeLifetime, authenticators);

        var result = await Factor.CompleteChallengeAsync(context, GarbageState(state), response);

        if (ChallengeHasState)
        {
            Assert.That(result.Succeeded || result.IsPending, Is.False, result.ToString());
            Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput), result.ToString());
        }
        else
        {
            Assert.That(result.Succeeded || result.FailureReason == MfaFailureReason.MalformedInput, Is.True, result.ToString());
        }
    }

    // --- authenticator names --------------------------------------------------------------------------------------

    [TestCase("right-to-left-override")]
    [TestCase("nul")]
    [TestCase("lone-surrogate")]
    [TestCase("zero-width-space")]
    [TestCase("65-characters")]
    [TestCase("only-spaces")]
    [TestCase("empty")]
    public async Task BeginEnrollment_BadName_FailsMalformedInputAndStoresNothing(string name)
    {
        var begun = await Mfa.BeginEnrollmentAsync(Alice, EnrollmentRequest(Name(name)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(begun.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput), begun.ToString());
            Assert.That(begun.EnrollmentId, Is.Null);
            Assert.That(begun.Prompt, Is.Null);
        }

        Assert.That(await ListedAsync(), Is.Empty);
    }

    [Test]
    public async Task Enrollment_NameOf64Characters_IsAccepted()
    {
        var name = string.Concat(Enumerable.Repeat("Key ", 16));
        name = name[..^1] + "9";
        Assert.That(name, Has.Length.EqualTo(AuthenticatorNames.MaxLength));

        await EnrollAsync(name);

        Assert.That((await ListedAsync()).Single().Name, Is.EqualTo(name));
    }

    [Test]
    public async Task Enrollment_NameWithSurroundingSpaces_IsStoredTrimmed()
    {
        await EnrollAsync("  Yubi Key 5  ");

        Assert.That((await ListedAsync()).Single().Name, Is.EqualTo("Yubi Key 5"));
    }

    // --- expiry ---------------------------------------------------------------------------------------------------

    [Test]
    public async Task CompleteChallenge_AfterItsLifetime_FailsExpired()
    {
        await EnrollAsync();
        var (challengeId, prompt) = await BeginChallengeAsync();
        Time.Advance(Options.ChallengeLifetime + TimeSpan.FromSeconds(1));

        var result = await Mfa.CompleteChallengeAsync(Alice, challengeId, MfaPurpose.SignIn, await AnswerChallengeAsync(challengeId, prompt));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.Expired), result.ToString());
    }

    [Test]
    public async Task CompleteEnrollment_AfterItsLifetime_FailsExpiredAndStoresNothing()
    {
        var (id, prompt) = await BeginEnrollmentAsync();
        Time.Advance(Options.EnrollmentLifetime + TimeSpan.FromSeconds(1));

        var result = await Mfa.CompleteEnrollmentAsync(Alice, id, await AnswerEnrollmentAsync(id, prompt));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.Expired), result.ToString());
        Assert.That(await ListedAsync(), Is.Empty);
    }

    // --- no secret in messages or logs ----------------------------------------------------------------------------

    [Test]
    public async Task EveryStep_SecretMaterial_NeverInMessagesToStringOrLogs()
    {
        var shown = new List<string>();
        void Show(object? value)
        {
            if (value is MfaResult result)
            {
                shown.Add(result.Message);
            }

            shown.Add(value?.ToString() ?? string.Empty);
        }

        var (wrongId, wrongPrompt) = await BeginEnrollmentAsync();
        Show(wrongPrompt);
        var wrongEnrollment = await WrongEnrollmentAnswerAsync(wrongId, wrongPrompt);
        Show(wrongEnrollment);
        Show(await Mfa.CompleteEnrollmentAsync(Alice, wrongId, wrongEnrollment));
        var (enrollmentId, prompt) = await BeginEnrollmentAsync();
        var answer = await AnswerEnrollmentAsync(enrollmentId, prompt);
        Show(answer);
        var enrolled = await Mfa.CompleteEnrollmentAsync(Alice, enrollmentId, answer);
        Show(enrolled);
        Show(enrolled.Authenticator);
        Show(await RecordAsync(enrolled.Authenticator!.Id));

        var (challengeId, challengePrompt) = await BeginChallengeAsync();
        Show(challengePrompt);
        var response = await AnswerChallengeAsync(challengeId, challengePrompt);
        Show(response);
        var verified = await Mfa.CompleteChallengeAsync(Alice, challengeId, MfaPurpose.SignIn, response);
        Show(verified);
        Show(verified.Details);
        var (failedId, failedPrompt) = await BeginChallengeAsync();
        var wrong = await WrongChallengeAnswerAsync(failedId, failedPrompt);
        Show(wrong);
        var failed = await Mfa.CompleteChallengeAsync(Alice, failedId, MfaPurpose.SignIn, wrong);
        Show(failed);
        Show(await Mfa.CompleteChallengeAsync(Alice, failedId, MfaPurpose.SignIn, response));

        Assert.That(verified.Succeeded, Is.True, verified.ToString());
        Assert.That(failed.Succeeded, Is.False, failed.ToString());
        Assert.That(Secrets, Is.Not.Empty, "The factor's hooks must record the secret material they handle.");
        Assert.That(Logs.Entries, Is.Not.Empty);
        var logged = Logs.Texts.ToList();
        using (Assert.EnterMultipleScope())
        {
            foreach (var secret in Secrets.Distinct(StringComparer.Ordinal))
            {
                Assert.That(shown.Where(text => Reveals(text, secret)), Is.Empty, "A message or ToString() shows secret material.");
                Assert.That(logged.Where(text => Reveals(text, secret)), Is.Empty, "A log entry shows secret material.");
            }
        }
    }

    // --- a failure changes no state -------------------------------------------------------------------------------

    [Test]
    public async Task CompleteChallenge_WrongResponse_LeavesTheAuthenticatorRecordUnchanged()
    {
        var enrolled = await EnrollAsync();
        var before = await RecordAsync(enrolled.Authenticator!.Id);
        var (challengeId, prompt) = await BeginChallengeAsync();
        Time.Advance(TimeSpan.FromSeconds(5));

        var result = await Mfa.CompleteChallengeAsync(Alice, challengeId, MfaPurpose.SignIn, await WrongChallengeAnswerAsync(challengeId, prompt));

        var after = await RecordAsync(enrolled.Authenticator.Id);
        Assert.That(result.Succeeded || result.IsPending, Is.False, result.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.Version, Is.EqualTo(before.Version));
            Assert.That(after.Data, Is.EqualTo(before.Data));
            Assert.That(after.LastUsedAt, Is.EqualTo(before.LastUsedAt));
            Assert.That(after.Name, Is.EqualTo(before.Name));
        }
    }

    [Test]
    public async Task CompleteEnrollment_WrongResponse_StoresNothingAndRetryAsTheFactorDeclares()
    {
        var (id, prompt) = await BeginEnrollmentAsync();

        var wrong = await Mfa.CompleteEnrollmentAsync(Alice, id, await WrongEnrollmentAnswerAsync(id, prompt));

        Assert.That(wrong.Succeeded, Is.False, wrong.ToString());
        Assert.That(await ListedAsync(), Is.Empty);
        var retried = await Mfa.CompleteEnrollmentAsync(Alice, id, await AnswerEnrollmentAsync(id, prompt));
        if (FailedEnrollmentCanBeRetried)
        {
            Assert.That(retried.Succeeded, Is.True, retried.ToString());
            Assert.That(await ListedAsync(), Has.Count.EqualTo(1));
        }
        else
        {
            Assert.That(retried.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
            Assert.That(await ListedAsync(), Is.Empty);
        }
    }
}
