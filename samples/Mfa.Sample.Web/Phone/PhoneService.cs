using System.Collections.Concurrent;
using System.Security.Cryptography;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Push.Device;
using Mfa.Push.Factor;
using Mfa.Push.Transports.InProcess;
using Mfa.Sample.Web.Accounts;
using Mfa.Sample.Web.Hosting;

namespace Mfa.Sample.Web.Phone;

/// <summary>
/// The "phone" behind the phone page: a <see cref="PushDevice"/> (Mfa.Push.Device, the library a phone app uses) that
/// runs server-side for the page, one per browser (a random phone id in a cookie), its keys kept in
/// <c>App_Data/phones/</c>. It speaks the real protocol: the enrollment token, proof-of-possession fetches through
/// <see cref="PushDeviceEndpoints"/>, signed answers through <see cref="IMfaService.AnswerChallengeAsync"/>;
/// notifications arrive through the in-process push transport.
/// </summary>
internal sealed class PhoneService(
    SampleDataDirectory data,
    IMfaService mfa,
    IChallengeStore challenges,
    PushDeviceEndpoints endpoints,
    InProcessPushTransport transport,
    AccountStore accounts,
    TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _inboxes = new(StringComparer.Ordinal);
    private readonly Lock _files = new();

    public static string NewPhoneId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsPhoneId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    public bool IsEnrolled(string phoneId)
    {
        using var device = Load(phoneId);
        return device?.IsEnrolled == true;
    }

    /// <summary>Enrolls this phone from the link the enrollment page shows (what scanning its QR code gives a phone).</summary>
    public async Task<string?> EnrollAsync(string phoneId, string? enrollmentLink, CancellationToken cancellationToken = default)
    {
        if (!PushEnrollmentLink.TryParse(enrollmentLink?.Trim(), out var link, out _))
        {
            return "That is not an enrollment link: copy the whole link shown under the QR code.";
        }

        using var device = PushDevice.Create(withUvKey: true, time);
        var request = device.CreateEnrollmentRequest(link, new PushDeviceInfo("web", "Sample phone", "1.0", "sample"), DevicePushAddress.InProcess(phoneId));

        // The host's enroll endpoint: the token names the enrollment; the store knows who began it.
        if (!PushEnrollmentResponse.TryReadEnrollmentId(request, out var enrollmentId)
            || await challenges.FindAsync(enrollmentId, cancellationToken) is not { } pending
            || await accounts.FindByIdAsync(pending.Binding.UserId, cancellationToken) is not { } account)
        {
            return "This enrollment link has expired or was already used. Start again from the enrollment page.";
        }

        var response = new PushEnrollmentResponse(request);
        // The phone carries no session: the recent proof Core asks of a second factor was checked when the signed-in
        // user began this enrollment, so that is the time it vouches for.
        var user = new MfaUser(account.Id, account.Username) { LastVerifiedAt = pending.CreatedAt };
        var result = await mfa.CompleteEnrollmentAsync(user, enrollmentId, response, cancellationToken);
        if (!result.Succeeded || response.DeviceResponseJson is null)
        {
            return SampleMessages.For(result.FailureReason);
        }

        if (device.CompleteEnrollment(link, response.DeviceResponseJson) != PushDeviceError.None)
        {
            return "The server's answer did not match the key pinned by the link.";
        }

        Save(phoneId, device);
        return null;
    }

    /// <summary>The sign-in requests waiting for this phone.</summary>
    public async Task<IReadOnlyList<PhoneChallenge>> PendingAsync(string phoneId, CancellationToken cancellationToken = default)
    {
        using var device = Load(phoneId);
        if (device is not { IsEnrolled: true })
        {
            return [];
        }

        var inbox = _inboxes.GetOrAdd(phoneId, _ => new(StringComparer.Ordinal));
        while (transport.TryReceive(phoneId, out var message))
        {
            inbox.TryAdd(message.ChallengeId, 0);
        }

        var list = new List<PhoneChallenge>();
        foreach (var challengeId in inbox.Keys)
        {
            var read = await FetchAsync(device, challengeId, cancellationToken);
            if (read is null)
            {
                inbox.TryRemove(challengeId, out _);
                continue;
            }

            list.Add(new PhoneChallenge(read.ChallengeId, read.Application, read.IpAddress, read.Account, read.NumberMode, read.NumberLength, read.NumberOptions, read.ExpiresAt));
        }

        return list;
    }

    /// <summary>Approves, denies or reports a request; returns what to tell the person holding the phone.</summary>
    public async Task<string> AnswerAsync(string phoneId, string challengeId, PushDeviceAction action, string? number, CancellationToken cancellationToken = default)
    {
        using var device = Load(phoneId);
        if (device is not { IsEnrolled: true })
        {
            return "This phone is not enrolled.";
        }

        var challenge = await FetchAsync(device, challengeId, cancellationToken);
        if (challenge is null)
        {
            return "That request is no longer waiting.";
        }

        var reason = action == PushDeviceAction.Approve ? PushDeviceDenyReason.None : PushDeviceDenyReason.NotMe;
        var error = device.TryAnswer(challenge, action, number?.Trim(), reason, out var token);
        if (error != PushDeviceError.None)
        {
            return action == PushDeviceAction.Approve ? "Type the number shown on the sign-in page." : "The answer could not be signed.";
        }

        var answered = await mfa.AnswerChallengeAsync(challengeId, new PushChallengeAnswer(token), cancellationToken);
        _inboxes.GetValueOrDefault(phoneId)?.TryRemove(challengeId, out _);
        return answered.Outcome switch
        {
            ChallengeAnswerOutcome.Approved => "Approved. You can go back to the sign-in page.",
            ChallengeAnswerOutcome.Denied => "Denied. The sign-in was refused.",
            ChallengeAnswerOutcome.FraudReported => "Reported. The sign-in was refused and your administrator will be told.",
            _ when !answered.Succeeded => answered.FailureReason == MfaFailureReason.NumberMismatch
                ? "Wrong number: the sign-in was refused."
                : SampleMessages.For(answered.FailureReason),
            _ => "Answered.",
        };
    }

    private async Task<PushDeviceChallenge?> FetchAsync(PushDevice device, string challengeId, CancellationToken cancellationToken)
    {
        var uri = device.ChallengeUri(challengeId);
        var reply = await endpoints.FetchChallengeAsync(device.CreateProof("GET", uri), "GET", uri, challengeId, cancellationToken);
        if (reply.StatusCode != 200 || reply.Json is null)
        {
            return null;
        }

        using var json = System.Text.Json.JsonDocument.Parse(reply.Json);
        var token = json.RootElement.GetProperty("challenge").GetString();
        var read = token is null ? null : device.ReadChallenge(token);
        return read is { Succeeded: true } ? read.Challenge : null;
    }

    private PushDevice? Load(string phoneId)
    {
        var file = FileOf(phoneId);
        lock (_files)
        {
            return File.Exists(file) && PushDevice.TryImport(File.ReadAllText(file), out var device, time) ? device : null;
        }
    }

    private void Save(string phoneId, PushDevice device)
    {
        lock (_files)
        {
            File.WriteAllText(FileOf(phoneId), device.Export());
        }
    }

    private string FileOf(string phoneId) => IsPhoneId(phoneId) ? Path.Combine(data.Phones, phoneId + ".json") : throw new ArgumentException("Not a phone id.", nameof(phoneId));
}
