using Mfa.Soak;

// The fault soak (scripts/soak.sh runs it): setup | run --instance a|b | faults | check.
try
{
    var mode = args.Length > 0 ? args[0] : "";
    var arguments = SoakArguments.Parse(args.Skip(1).ToList());
    return mode switch
    {
        "setup" => await SoakSetup.RunAsync(arguments),
        "run" => await SoakInstance.RunAsync(arguments),
        "faults" => await FaultInjector.RunAsync(arguments),
        "check" => await SoakChecker.RunAsync(arguments),
        _ => throw new SoakUsageException("Usage: Mfa.Soak setup|run|faults|check --option value …"),
    };
}
catch (SoakUsageException e)
{
    await Console.Error.WriteLineAsync("soak: " + e.Message);
    return 2;
}
