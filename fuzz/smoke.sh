#!/usr/bin/env bash
# CI smoke of every fuzz target, no AFL needed: each seed of fuzz/corpus/TARGET plus MUTATIONS seeded mutations of it
# (default 40) run in-process through the same harness afl-fuzz drives; any exception is a finding (exit 1, its input
# printed as base64). About 1,000 inputs a target; well under two minutes in all, most of it the build.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
mutations=${MUTATIONS:-40}
bin=$here/Mfa.Fuzz/bin/Release/net10.0

dotnet build "$here/Mfa.Fuzz/Mfa.Fuzz.csproj" -c Release -nologo -v q
status=0
for target in $(dotnet "$bin/Mfa.Fuzz.dll" --list); do
    dotnet "$bin/Mfa.Fuzz.dll" "$target" --replay "$here/corpus/$target" --mutations "$mutations" --seed 14 || status=1
done
exit $status
