namespace Mfa.Duo.Emulator.Scripting;

/// <summary>A scripted user's Duo status (spec §7: preauth maps it to auth / allow / deny / enroll).</summary>
public enum DuoEmulatorUserState
{
    /// <summary>Enrolled: must do 2FA.</summary>
    Active = 0,

    /// <summary>Bypass: passes without 2FA.</summary>
    Bypass = 1,

    /// <summary>Locked out: denied.</summary>
    Locked = 2,

    /// <summary>Not enrolled: sent to the enrollment portal.</summary>
    NotEnrolled = 3,
}
