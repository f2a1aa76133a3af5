using System.Globalization;
using Mfa.Fuzz;
using SharpFuzz;

// Mfa.Fuzz TARGET                       run under afl-fuzz (fuzz/run.sh): one input per forked run, from AFL
// Mfa.Fuzz TARGET --replay PATH...      run files (or every file in folders) in-process, plus --mutations N seeded
//                                       byte mutations of each (--seed S); exit 1 on the first finding, printing its base64
// Mfa.Fuzz --list                       the target names
// Mfa.Fuzz --assemblies TARGET          the assemblies run.sh instruments for TARGET
if (args.Length == 0 || args[0] == "--list")
{
    foreach (var t in Targets.All)
    {
        Console.WriteLine(t.Name);
    }

    return 0;
}

if (args[0] == "--assemblies")
{
    Console.WriteLine(string.Join(' ', Find(args[1]).Assemblies));
    return 0;
}

var target = Find(args[0]);
if (args.Length == 1)
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target.Run(buffer.ToArray());
    });
    return 0;
}

var files = new List<string>();
var mutations = 0;
var seed = 14;
for (var i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--replay":
            break;
        case "--mutations":
            mutations = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--seed":
            seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            files.AddRange(Directory.Exists(args[i]) ? Directory.GetFiles(args[i]).Order(StringComparer.Ordinal) : [args[i]]);
            break;
    }
}

var random = new Random(seed);
var runs = 0;
foreach (var file in files)
{
    var original = File.ReadAllBytes(file);
    for (var m = 0; m <= mutations; m++)
    {
        var input = m == 0 ? original : Mutator.Mutate(original, random);
        runs++;
        try
        {
            target.Run(input);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"FINDING {target.Name} {Path.GetFileName(file)} mutation {m}: {e.GetType().FullName}: {e.Message}");
            Console.Error.WriteLine($"input (base64): {Convert.ToBase64String(input)}");
            Console.Error.WriteLine(e.StackTrace);
            return 1;
        }
    }
}

Console.WriteLine($"{target.Name}: {runs} inputs from {files.Count} files, no finding");
return 0;

static FuzzTarget Find(string name) =>
    Targets.All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"Unknown target '{name}'. Targets: {string.Join(", ", Targets.All.Select(t => t.Name))}", nameof(name));
