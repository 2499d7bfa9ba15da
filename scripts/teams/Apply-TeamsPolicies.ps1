#Requires -Version 7.2
#Requires -Modules MicrosoftTeams
<#
.SYNOPSIS
  Applies teams-policies.json (written by the werkplek collaboration stack) to the tenant.

.DESCRIPTION
  Run by terraform (terraform_data + local-exec) whenever the document's SHA-256 changes.
  Thin on purpose: the document names the cmdlets and the exact parameters; the logic, the
  validation and the tests live in TypeScript (constructs/teams/). Idempotent: a missing custom
  policy is created, then exactly the declared parameters are set; group assignments are created
  or corrected.

  Sign-in, from the environment only (never from the document or the code):
    WERKPLEK_TEAMS_GRAPH_TOKEN + WERKPLEK_TEAMS_ADMIN_TOKEN   access tokens for Microsoft Graph and
                                                              the Teams admin API (48ac35b8-9aa8-4d74-927d-1f4a14a0b239),
                                                              e.g. from the pipeline's OIDC sign-in
    or WERKPLEK_TEAMS_CERTIFICATE_PATH (+ _PASSWORD) + ARM_CLIENT_ID   an app certificate (PFX)
  Set by terraform (lowercase on purpose): werkplek_teams_policies (document path),
  werkplek_tenant_id, werkplek_group_<key> (object ids of the assigned groups).
#>
[CmdletBinding()]
param(
    [string] $Path = $env:werkplek_teams_policies,
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

foreach ($policy in $document.policies) {
    $cmdlets = $policy.cmdlets
    if ($cmdlets.new) {
        try {
            & $cmdlets.get -Identity $policy.identity | Out-Null
        } catch {
            Write-Host "$($cmdlets.new) -Identity $($policy.identity)"
            & $cmdlets.new -Identity $policy.identity | Out-Null
        }
    }
    $parameters = @{ Identity = $policy.identity }
    foreach ($name in $policy.parameters.Keys) {
        $value = $policy.parameters[$name]
        if ($policy.elementTypes.ContainsKey($name)) {
            $value = @($value | ForEach-Object { New-Object -TypeName $policy.elementTypes[$name] -ArgumentList $_ })
        }
        if ($policy.listTypes.ContainsKey($name)) {
            $value = ([type]$policy.listTypes[$name])::new([string[]]$value)
        }
        $parameters[$name] = $value
    }
    Write-Host "$($cmdlets.set) -Identity $($policy.identity): $($policy.parameters.Keys.Count) parameters"
    & $cmdlets.set @parameters
}

foreach ($assignment in $document.groupAssignments) {
    $groupId = [Environment]::GetEnvironmentVariable($assignment.groupIdVariable)
    if (-not $groupId) {
        throw "environment variable $($assignment.groupIdVariable) (object id of group $($assignment.group)) is not set"
    }
    $current = Get-CsGroupPolicyAssignment -GroupId $groupId -PolicyType $assignment.policyType
    if (-not $current) {
        Write-Host "New-CsGroupPolicyAssignment $($assignment.policyType) $($assignment.policyName) -> $($assignment.group)"
        New-CsGroupPolicyAssignment -GroupId $groupId -PolicyType $assignment.policyType -PolicyName $assignment.policyName -Rank $assignment.rank | Out-Null
    } elseif ($current.PolicyName -ne $assignment.policyName -or $current.Rank -ne $assignment.rank) {
        # There is no Set-CsGroupPolicyAssignment: Microsoft's way to change a group's policy or rank is
        # to remove the assignment and add it again (office-docs-powershell, the removed
        # Set-CsGroupPolicyAssignment page; Microsoft365DSC TeamsGroupPolicyAssignment does the same).
        Write-Host "Remove-CsGroupPolicyAssignment + New-CsGroupPolicyAssignment $($assignment.policyType) $($assignment.policyName) -> $($assignment.group) (rank $($assignment.rank))"
        Remove-CsGroupPolicyAssignment -GroupId $groupId -PolicyType $assignment.policyType | Out-Null
        New-CsGroupPolicyAssignment -GroupId $groupId -PolicyType $assignment.policyType -PolicyName $assignment.policyName -Rank $assignment.rank | Out-Null
    }
}

# A group taken out of the code loses the policy: remove assignments of the custom policies this
# document owns to groups it no longer declares. Assignments of other policies are left alone.
$owned = @($document.policies | Where-Object { $_.cmdlets.new -and $_.identity -ne 'Global' } | ForEach-Object { "$($_.policyType)|$($_.identity)" })
$declared = @($document.groupAssignments | ForEach-Object { "$($_.policyType)|$([Environment]::GetEnvironmentVariable($_.groupIdVariable))" })
foreach ($type in @($document.groupAssignments | ForEach-Object { $_.policyType } | Sort-Object -Unique)) {
    foreach ($current in @(Get-CsGroupPolicyAssignment -PolicyType $type)) {
        if ($owned -contains "$type|$($current.PolicyName)" -and $declared -notcontains "$type|$($current.GroupId)") {
            Write-Host "Remove-CsGroupPolicyAssignment $type $($current.PolicyName) from group $($current.GroupId) (no longer declared)"
            Remove-CsGroupPolicyAssignment -GroupId $current.GroupId -PolicyType $type | Out-Null
        }
    }
}
