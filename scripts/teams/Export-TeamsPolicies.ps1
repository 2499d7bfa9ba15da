#Requires -Version 7.2
#Requires -Modules MicrosoftTeams
<#
.SYNOPSIS
  Reads from the tenant every policy and group assignment declared in teams-policies.json and
  writes them in the same JSON shape, for the drift comparer (constructs/teams/compare.ts).

.DESCRIPTION
  Thin on purpose: for each declared parameter it reads the property the document names
  (`read`, else the parameter name) from the Get- cmdlet's result. A policy that cannot be read
  is written with "found": false and a warning, so it shows up as drift rather than passing.
  Sign-in and environment: as Apply-TeamsPolicies.ps1.

.EXAMPLE
  ./scripts/teams/Export-TeamsPolicies.ps1 -Path cdktf.out/stacks/kraainem-collaboration/assets/<...>/teams-policies.json -OutFile teams-export.json
#>
[CmdletBinding()]
param(
    [string] $Path = $env:werkplek_teams_policies,
    [Parameter(Mandatory = $true)] [string] $OutFile,
    [string] $TenantId = $env:werkplek_tenant_id
)
$ErrorActionPreference = 'Stop'

if ($env:WERKPLEK_TEAMS_GRAPH_TOKEN -and $env:WERKPLEK_TEAMS_ADMIN_TOKEN) {
    Connect-MicrosoftTeams -AccessTokens @($env:WERKPLEK_TEAMS_GRAPH_TOKEN, $env:WERKPLEK_TEAMS_ADMIN_TOKEN) | Out-Null
} elseif ($env:WERKPLEK_TEAMS_CERTIFICATE_PATH) {
    $certificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($env:WERKPLEK_TEAMS_CERTIFICATE_PATH, $env:WERKPLEK_TEAMS_CERTIFICATE_PASSWORD)
    Connect-MicrosoftTeams -Certificate $certificate -ApplicationId $env:ARM_CLIENT_ID -TenantId $TenantId | Out-Null
} else {
    throw 'no Teams sign-in: set WERKPLEK_TEAMS_GRAPH_TOKEN and WERKPLEK_TEAMS_ADMIN_TOKEN, or WERKPLEK_TEAMS_CERTIFICATE_PATH and ARM_CLIENT_ID'
}

$document = Get-Content -Raw -Path $Path | ConvertFrom-Json -AsHashtable

$policies = foreach ($policy in $document.policies) {
    $actual = $null
    try {
        $actual = & $policy.cmdlets.get -Identity $policy.identity
    } catch {
        Write-Warning "$($policy.cmdlets.get) -Identity $($policy.identity): $($_.Exception.Message)"
    }
    $parameters = [ordered]@{}
    foreach ($name in $policy.parameters.Keys) {
        $value = $actual
        $path = if ($policy.read.ContainsKey($name)) { $policy.read[$name] } else { $name }
        foreach ($segment in $path.Split('.')) { $value = $value.$segment }
        $parameters[$name] = $value
    }
    [ordered]@{
        policyType = $policy.policyType
        identity   = $policy.identity
        found      = $null -ne $actual
        parameters = $parameters
    }
}

$assignments = foreach ($assignment in $document.groupAssignments) {
    $groupId = [Environment]::GetEnvironmentVariable($assignment.groupIdVariable)
    $current = if ($groupId) { Get-CsGroupPolicyAssignment -GroupId $groupId -PolicyType $assignment.policyType } else { $null }
    [ordered]@{
        policyType      = $assignment.policyType
        group           = $assignment.group
        groupIdVariable = $assignment.groupIdVariable
        policyName      = $current.PolicyName
        rank            = $current.Rank
    }
}

# Assignments of the custom policies this document owns to groups it does not declare: drift.
$owned = @($document.policies | Where-Object { $_.cmdlets.new -and $_.identity -ne 'Global' } | ForEach-Object { "$($_.policyType)|$($_.identity)" })
$declared = @($document.groupAssignments | ForEach-Object { "$($_.policyType)|$([Environment]::GetEnvironmentVariable($_.groupIdVariable))" })
$undeclared = foreach ($type in @($document.groupAssignments | ForEach-Object { $_.policyType } | Sort-Object -Unique)) {
    foreach ($current in @(Get-CsGroupPolicyAssignment -PolicyType $type)) {
        if ($owned -contains "$type|$($current.PolicyName)" -and $declared -notcontains "$type|$($current.GroupId)") {
            [ordered]@{ policyType = $type; groupId = $current.GroupId; policyName = $current.PolicyName; rank = $current.Rank }
        }
    }
}

[ordered]@{
    schemaVersion         = $document.schemaVersion
    policies              = @($policies)
    groupAssignments      = @($assignments)
    undeclaredAssignments = @($undeclared)
} | ConvertTo-Json -Depth 10 -EnumsAsStrings | Set-Content -Path $OutFile -Encoding utf8
