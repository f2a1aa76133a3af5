#!/usr/bin/env bash
# Fuzzes one target with AFL++ for a bounded time: fuzz/run.sh TARGET SECONDS
#   TARGET   one of: dotnet fuzz/Mfa.Fuzz/bin/Release/net10.0/Mfa.Fuzz.dll --list (or see fuzz/README.md)
#   SECONDS  how long afl-fuzz runs (its -V option); it resumes from fuzz/out/TARGET/findings if that exists
# Needs afl-fuzz (Debian: apt-get install afl++) and the .NET SDK; the SharpFuzz instrumenter comes from the local
# tool manifest fuzz/.config/dotnet-tools.json. Findings: fuzz/out/TARGET/findings/default/{crashes,hangs}; the script
# prints each one's base64 so it can become a regression test.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
target=${1:?usage: fuzz/run.sh TARGET SECONDS}
seconds=${2:?usage: fuzz/run.sh TARGET SECONDS}
mkdir -p "$here/out"
out=$here/out/$target
bin=$out/bin
findings=$out/findings

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install -y afl++" >&2; exit 2; }

# A fresh, instrumented build for this target (SharpFuzz rewrites the assemblies in place). Runs of several targets
# at once take turns here: their builds share obj/.
rm -rf "$bin"
mkdir -p "$out"
(
    flock 9
    dotnet build "$here/Mfa.Fuzz/Mfa.Fuzz.csproj" -c Release -o "$bin" -nologo -v q -p:UseAppHost=false >"$out/build.log" 2>&1 \
        || { cat "$out/build.log" >&2; exit 2; }
    (cd "$here" && dotnet tool restore >/dev/null)
    for assembly in $(dotnet "$bin/Mfa.Fuzz.dll" --assemblies "$target"); do
        (cd "$here" && dotnet sharpfuzz "$bin/$assembly")
    done
) 9>"$here/out/.build.lock"

# dotnet itself is not instrumented (the harness reports coverage through SharpFuzz), CPUs are shared, and no UI.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export DOTNET_TieredPGO=0 DOTNET_TC_QuickJitForLoops=1 DOTNET_ReadyToRun=1
input=$here/corpus/$target
if [ -d "$findings/default/queue" ]; then
    input=-   # resume
fi

started=$(date -u +%s)
afl-fuzz -V "$seconds" -i "$input" -o "$findings" -t 5000 -m none -- dotnet "$bin/Mfa.Fuzz.dll" "$target" >"$out/afl.log" 2>&1 || {
    tail -40 "$out/afl.log" >&2
    exit 2
}
ended=$(date -u +%s)

stats=$findings/default/fuzzer_stats
echo "target $target: afl-fuzz ran $((ended - started)) s"
grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|stability|bitmap_cvg)' "$stats" | sed 's/^/  /'
status=0
for kind in crashes hangs; do
    for file in "$findings/default/$kind"/id:*; do
        [ -e "$file" ] || continue
        status=1
        echo "$kind: $(basename "$file")"
        echo "  base64: $(base64 -w0 "$file")"
    done
done
exit $status
