#!/usr/bin/env bash
# Sourced by tests/run.sh: the tools of the deployment tests (tests/GuidelineBot.IntegrationTests/Deploy). Installs,
# pinned, into tests/.tools (git-ignored):
#   - the npm packages dockerfile-utils (Dockerfile lint) and kubernetes-models (schema validation of rendered objects);
#   - the Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (downloaded by a throwaway project).
# Exports
#   GUIDELINEBOT_NODE_TOOLS  the node_modules folder holding both npm packages
#   GUIDELINEBOT_BICEP       the bicep executable
# kubectl (kustomize) is expected on the machine. On failure it says why and exports nothing: the deployment tests
# then fail under CI=true (and skip on a dev machine).

GUIDELINEBOT_DOCKERFILE_UTILS_VERSION=0.16.3
GUIDELINEBOT_KUBERNETES_MODELS_VERSION=5.1.0
GUIDELINEBOT_BICEP_VERSION=0.49.2

guidelinebot_deploy_tools_npm() {
  local tools=$1 modules=$1/node_modules
  command -v node >/dev/null && command -v npm >/dev/null || { echo "deploy-tools-start: node and npm are needed"; return 1; }
  if ! grep -q "\"version\": \"$GUIDELINEBOT_DOCKERFILE_UTILS_VERSION\"" "$modules/dockerfile-utils/package.json" 2>/dev/null \
     || ! grep -q "\"version\": \"$GUIDELINEBOT_KUBERNETES_MODELS_VERSION\"" "$modules/kubernetes-models/package.json" 2>/dev/null; then
    echo "deploy-tools-start: installing dockerfile-utils@$GUIDELINEBOT_DOCKERFILE_UTILS_VERSION and kubernetes-models@$GUIDELINEBOT_KUBERNETES_MODELS_VERSION into tests/.tools..."
    mkdir -p "$tools"
    [ -f "$tools/package.json" ] || printf '{ "name": "guidelinebot-test-tools", "private": true }\n' > "$tools/package.json"
    (cd "$tools" && npm install --no-audit --no-fund --loglevel=error --save-exact \
        "dockerfile-utils@$GUIDELINEBOT_DOCKERFILE_UTILS_VERSION" "kubernetes-models@$GUIDELINEBOT_KUBERNETES_MODELS_VERSION" >/dev/null) \
      || { echo "deploy-tools-start: npm install failed"; return 1; }
  fi
  [ -d "$modules/dockerfile-utils" ] && [ -d "$modules/kubernetes-models" ] || { echo "deploy-tools-start: npm packages missing after install"; return 1; }
  export GUIDELINEBOT_NODE_TOOLS="$modules"
}

guidelinebot_deploy_tools_bicep() {
  local tools=$1 dir=$1/bicep packages=$1/nuget bicep
  bicep="$packages/azure.bicep.commandline.linux-x64/$GUIDELINEBOT_BICEP_VERSION/tools/bicep"
  if [ ! -x "$bicep" ]; then
    echo "deploy-tools-start: downloading Azure.Bicep.CommandLine.linux-x64 $GUIDELINEBOT_BICEP_VERSION from NuGet..."
    mkdir -p "$dir"
    # A throwaway project whose only job is the PackageDownload; its own Directory.*.props keep the repository's
    # central package management and build settings out.
    printf '<Project />\n' > "$dir/Directory.Build.props"
    printf '<Project />\n' > "$dir/Directory.Build.targets"
    printf '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n' > "$dir/Directory.Packages.props"
    cat > "$dir/bicep-download.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$GUIDELINEBOT_BICEP_VERSION]" /></ItemGroup>
</Project>
XML
    dotnet restore "$dir/bicep-download.csproj" --packages "$packages" --nologo -v quiet >/dev/null \
      || { echo "deploy-tools-start: dotnet restore of the Bicep CLI failed"; return 1; }
    # The package's file may come out of the archive without its execute bit.
    bicep=$(find "$packages/azure.bicep.commandline.linux-x64/$GUIDELINEBOT_BICEP_VERSION" -type f -name bicep | head -n 1)
    [ -n "$bicep" ] || { echo "deploy-tools-start: no bicep executable in the package"; return 1; }
    chmod +x "$bicep"
  fi
  export GUIDELINEBOT_BICEP="$bicep"
}

guidelinebot_deploy_tools_start() {
  local root tools
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  tools="$root/tests/.tools"
  command -v kubectl >/dev/null || echo "deploy-tools-start: kubectl is missing (the Kubernetes tests need kubectl kustomize)"
  guidelinebot_deploy_tools_npm "$tools" || return 1
  guidelinebot_deploy_tools_bicep "$tools" || return 1
  echo "deploy-tools-start: dockerfile-utils $GUIDELINEBOT_DOCKERFILE_UTILS_VERSION, kubernetes-models $GUIDELINEBOT_KUBERNETES_MODELS_VERSION, $("$GUIDELINEBOT_BICEP" --version 2>/dev/null | head -n 1) ready"
}

guidelinebot_deploy_tools_start || echo "deploy-tools-start: the deployment tests will fail under CI=true"
unset -f guidelinebot_deploy_tools_start guidelinebot_deploy_tools_npm guidelinebot_deploy_tools_bicep
