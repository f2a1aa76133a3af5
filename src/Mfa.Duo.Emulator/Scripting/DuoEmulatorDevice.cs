namespace Mfa.Duo.Emulator.Scripting;

/// <summary>A scripted user's device as preauth lists it.</summary>
/// <param name="Id">The device id, e.g. <c>DPFZRS9FB0D46QFTM891</c>.</param>
/// <param name="Type"><c>phone</c> or <c>token</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="DisplayName">Its display name.</param>
/// <param name="Number">A masked number.</param>
/// <param name="Capabilities">Its capabilities: <c>auto</c>, <c>push</c>, <c>phone</c>, <c>sms</c>, <c>mobile_otp</c>.</param>
public sealed record DuoEmulatorDevice(string Id, string Type, string Name, string DisplayName, string Number, IReadOnlyList<string> Capabilities)
{
    /// <summary>A phone with every capability.</summary>
    /// <param name="id">The device id.</param>
    /// <returns>The device.</returns>
    public static DuoEmulatorDevice Phone(string id = "DPFZRS9FB0D46QFTM891") =>
        new(id, "phone", "Emulated phone", "Emulated phone (XXX-XXX-0100)", "XXX-XXX-0100", ["auto", "push", "phone", "sms", "mobile_otp"]);
}
