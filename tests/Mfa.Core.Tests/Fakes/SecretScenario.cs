using Mfa.Core.Factors;
using Mfa.Testing;

namespace Mfa.Core.Tests.Fakes;

/// <summary>
/// Runs every service path in which a code, a recovery code or the key is in play (right and wrong enrollment codes, right
/// and wrong challenge codes, a lockout, recovery codes redeemed and refused, removal) and returns every secret it used, in
/// every form it could leak in.
/// </summary>
public static class SecretScenario
{
    public static async Task<IReadOnlyList<string>> RunAsync(MfaHarness mfa)
    {
        ArgumentNullException.ThrowIfNull(mfa);
        var secrets = new List<string>();
        var alice = MfaHarness.Alice;
        var service = mfa.Service;

        var enrollment = await service.BeginEnrollmentAsync(alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind) { Name = "Phone" });
        var enrollmentCode = enrollment.Prompt!.Code;
        var wrongEnrollmentCode = CodeFactor.NewCode();
        secrets.AddRange([enrollmentCode, wrongEnrollmentCode]);
        await service.CompleteEnrollmentAsync(alice, enrollment.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, wrongEnrollmentCode));
        var enrolled = await service.CompleteEnrollmentAsync(alice, enrollment.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, enrollmentCode));
        var authenticatorId = enrolled.Authenticator!.Id;

        var (id, code) = await mfa.BeginAsync(alice, MfaPurpose.StepUp("password-change"));
        var wrong = CodeFactor.NewCode();
        secrets.AddRange([code, wrong]);
        await mfa.CompleteAsync(alice, id, wrong, MfaPurpose.StepUp("password-change"));
        (id, code) = await mfa.BeginAsync(alice);
        secrets.Add(code);
        await mfa.CompleteAsync(alice, id, code);

        for (var i = 0; i < 5; i++)
        {
            (id, code) = await mfa.BeginAsync(alice);
            wrong = CodeFactor.NewCode();
            secrets.AddRange([code, wrong]);
            await mfa.CompleteAsync(alice, id, wrong);
        }

        // Throttled now: this attempt is refused and logged as a lockout.
        await service.BeginChallengeAsync(alice, new ChallengeRequest(CodeFactor.DefaultKind, MfaPurpose.SignIn));
        await service.Administration.UnlockAsync(alice.Id);

        var recovery = await service.GenerateRecoveryCodesAsync(alice.JustVerified(mfa.Time));
        foreach (var recoveryCode in recovery.Codes)
        {
            secrets.Add(recoveryCode);
            secrets.Add(recoveryCode.Replace("-", string.Empty, StringComparison.Ordinal));
        }

        await service.RedeemRecoveryCodeAsync(alice, recovery.Codes[0], MfaPurpose.SignIn);
        await service.RedeemRecoveryCodeAsync(alice, recovery.Codes[0], MfaPurpose.SignIn);
        await service.RedeemRecoveryCodeAsync(alice, "bad!" + recovery.Codes[1], MfaPurpose.SignIn);

        await service.RenameAuthenticatorAsync(alice.JustVerified(mfa.Time), authenticatorId, "Old phone");
        await service.Administration.RemoveAuthenticatorAsync(alice.Id, authenticatorId);
        await service.Administration.RemoveAuthenticatorAsync(alice.Id, authenticatorId, force: true);

        var key = TestKeys.SecretKey;
        secrets.Add(Convert.ToHexString(key));
        secrets.Add(Convert.ToHexString(key).ToLowerInvariant());
        secrets.Add(Convert.ToBase64String(key));
        secrets.Add(System.Buffers.Text.Base64Url.EncodeToString(key));
        return secrets;
    }
}
