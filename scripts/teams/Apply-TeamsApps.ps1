#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '7.3.1' }
<#
.SYNOPSIS
  Applies the Teams app availability of teams-policies.json (its `apps` section), or with -Check
  only reports what differs.

.DESCRIPTION
  App-centric management: the org-wide default of Microsoft (DefaultApp), third-party (GlobalApp)
  and custom (PrivateApp) apps, and the apps made available one by one. Its cmdlets refuse
  app-only sign-in, so this runs with a Teams Administrator's own (delegated) sign-in, by hand,
  after a deploy whose review says the Teams apps changed, and for a drift check (-Check). See
  docs/teams.md "Apps". Thin on purpose: the values come from the document, which werkplek
  synthesizes and tests (policies/teams/app-policies.ts).

.EXAMPLE
  ./scripts/teams/Apply-TeamsApps.ps1 -Path cdktf.out/stacks/kraainem-collaboration/assets/<...>/teams-policies.json -Check
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Path,
    [switch] $Check
)
$ErrorActionPreference = 'Stop'

$document = Get-Content -Raw -Path $Path | ConvertFrom-Json -AsHashtable
$apps = $document.apps
if (-not $apps) { throw "$Path has no apps section; synthesize with a werkplek version that declares Teams apps" }

Connect-MicrosoftTeams | Out-Null
$differences = 0

$names = @($apps.tenantSettings.Keys | Sort-Object)
$current = @{}
foreach ($setting in @(Get-M365UnifiedTenantSettings -SettingNames $names)) { $current[$setting.SettingName] = $setting.SettingValue }
foreach ($name in $names) {
    $declared = $apps.tenantSettings[$name]
    if ($current[$name] -ne $declared) {
        $differences++
        Write-Host "$name is '$($current[$name])', declared '$declared'"
        if (-not $Check) { Update-M365UnifiedTenantSettings -SettingName $name -SettingValue $declared | Out-Null }
    }
}

foreach ($app in $apps.available) {
    $found = Get-M365TeamsApp -Id $app.id
    $blocked = $found.IsBlocked -eq $true -or "$($found.IsBlocked)" -eq 'Blocked'
    if ($blocked -or $found.AvailableTo.AssignmentType -ne $app.assignmentType) {
        $differences++
        Write-Host "app $($app.id) ($($app.catalog)) is available to '$($found.AvailableTo.AssignmentType)' (blocked: $blocked), declared '$($app.assignmentType)'"
        if (-not $Check) { Update-M365TeamsApp -Id $app.id -IsBlocked $false -AppAssignmentType $app.assignmentType | Out-Null }
    }
}

if ($Check -and $differences -gt 0) {
    Write-Host "$differences Teams app setting(s) differ from the code"
    exit 1
}
Write-Host "Teams apps: $differences change(s) $(if ($Check) { 'found' } else { 'applied' })"
