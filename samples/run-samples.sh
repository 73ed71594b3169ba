#!/usr/bin/env bash
# Packs CmuContracts, CmuContracts.Redis, CmuContracts.Generator and the cmu tool into a temporary folder feed, then
# restores, builds and runs the consumer samples against those packages, the way an outside project would use them:
#   ReportSample   - AddCmuClient + IUsageReports against the emulator that the packed cmu tool runs (`cmu emulator`);
#   RedisSample    - AddCmuClient(...).UseRedis(...) from the Redis package, set up and validated (Redis is not contacted);
#   PetstoreSample - the generator package with Refit on the OpenAPI Initiative's petstore spec, against a loopback server.
# The samples are not in CmuContracts.sln. Run from anywhere: bash samples/run-samples.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
# The library keeps credentials in the user's cmu folder by default: the samples use one of their own.
export CMU_CONFIG_DIR="$work/cmu-config"
# A version of its own per run, so no package cached by an earlier run is ever used.
version="0.1.0-samples.$(date -u +%Y%m%d%H%M%S).$$"
emulator_pid=""

cleanup() {
  if [[ -n "$emulator_pid" ]]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
  for id in cmucontracts cmucontracts.redis cmucontracts.generator cmucontracts.cli; do rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/$id/$version"; done
}
trap cleanup EXIT

echo "== pack $version into a local feed"
for project in src/CmuContracts/CmuContracts.csproj src/CmuContracts.Redis/CmuContracts.Redis.csproj src/CmuContracts.Generator/CmuContracts.Generator.csproj src/CmuContracts.Cli/CmuContracts.Cli.csproj; do
  dotnet pack "$repo/$project" -c Release -o "$work/feed" -p:Version="$version" -nologo -v quiet
done
ls "$work/feed"

# The samples are copied out of the repository (no repository build settings apply) next to a NuGet.config that adds
# the feed; the machine's usual sources stay (NuGet merges the user-level config).
mkdir -p "$work/samples"
cp "$repo/samples/Directory.Build.props" "$repo/samples/Directory.Build.targets" "$repo/samples/Directory.Packages.props" "$work/samples/"
for sample in ReportSample RedisSample PetstoreSample; do
  mkdir -p "$work/samples/$sample"
  (cd "$repo/samples/$sample" && find . -type f ! -path './bin/*' ! -path './obj/*' -exec cp --parents {} "$work/samples/$sample/" \;)
done
cat > "$work/samples/NuGet.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="cmu-local-feed" value="$work/feed" />
  </packageSources>
</configuration>
XML

echo "== install the cmu tool from the feed and start its emulator"
dotnet tool install --tool-path "$work/tools" --add-source "$work/feed" --version "$version" CmuContracts.Cli
"$work/tools/cmu" emulator --port 0 > "$work/emulator.out" 2> "$work/emulator.err" &
emulator_pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's/^Listening on \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/emulator.out" | head -n 1)"
  [[ -n "$url" ]] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.err"; exit 1; }
  sleep 0.2
done
[[ -n "$url" ]] || { echo "the emulator did not start"; cat "$work/emulator.err"; exit 1; }
echo "emulator at $url"

for sample in ReportSample RedisSample PetstoreSample; do
  echo "== $sample"
  dotnet build "$work/samples/$sample" -c Release -p:CmuPackageVersion="$version" -nologo -v quiet
done
echo "== run ReportSample"
dotnet run --project "$work/samples/ReportSample" -c Release --no-build -p:CmuPackageVersion="$version" -- "$url/"
echo "== run RedisSample"
dotnet run --project "$work/samples/RedisSample" -c Release --no-build -p:CmuPackageVersion="$version"
echo "== run PetstoreSample"
dotnet run --project "$work/samples/PetstoreSample" -c Release --no-build -p:CmuPackageVersion="$version"
echo "samples: 3 built and ran against the packed packages"
