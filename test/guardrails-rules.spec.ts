/**
 * Every guardrail rule against a compliant case (the fixture tenant output under
 * test/fixtures/guardrails/compliant, shaped like what each stack synthesizes) and a
 * non-compliant case (that fixture with one control broken).
 */
import * as fs from "fs";
import * as path from "path";
import { App } from "cdktf";
import { buildTenant } from "../stacks/tenant";
import { RULES } from "../guardrails/registry";
import { contextFor } from "../guardrails/run";
import { readTenantStacks, SynthesizedStack } from "../stacks/synthesized";
import { kraainem, ROOT, tempDir } from "./helpers";

export const COMPLIANT_OUT = path.join(ROOT, "test/fixtures/guardrails/compliant");
const tenant = kraainem();

/** A fresh copy of the compliant fixture stacks. */
function fixture(): SynthesizedStack[] {
  return readTenantStacks(COMPLIANT_OUT, "kraainem");
}

function stack(s: SynthesizedStack[], area: string): any {
  return s.find((x) => x.area === area)!.json;
}
function res(s: SynthesizedStack[], area: string, type: string, name: string): any {
  const r = stack(s, area).resource[type][name];
  if (!r) throw new Error(`fixture has no ${type}.${name} in ${area}`);
  return r;
}
function ca(s: SynthesizedStack[], name: string): any {
  return res(s, "conditional-access", "azuread_conditional_access_policy", name);
}
function teams(s: SynthesizedStack[], i: number): any {
  return s.find((x) => x.area === "collaboration")!.documents["teams/teams-policies.json"].policies[i].parameters;
}
function graph(s: SynthesizedStack[], area: string, name: string, type = "msgraph_update_resource"): any {
  return res(s, area, type, name).body;
}
const nsg = (s: SynthesizedStack[]) => res(s, "remote-access", "azurerm_network_security_group", "nsg-gateway");
const vm = (s: SynthesizedStack[]) => res(s, "remote-access", "azurerm_linux_virtual_machine", "vm-awingu");
const agw = (s: SynthesizedStack[]) => res(s, "remote-access", "azurerm_application_gateway", "agw-awingu");
const kv = (s: SynthesizedStack[]) => res(s, "remote-access", "azurerm_key_vault", "kv-awingu");
const account = (s: SynthesizedStack[]) => res(s, "state", "azurerm_storage_account", "state-account");
const compliance = (s: SynthesizedStack[]) => graph(s, "devices", "compliance-windows", "msgraph_resource");
const openRule = (port: string, protocol = "Tcp") => ({
  name: `open-${port}`,
  priority: 300,
  direction: "Inbound",
  access: "Allow",
  protocol,
  source_port_range: "*",
  destination_port_range: port,
  source_address_prefix: "*",
  destination_address_prefix: "*",
});

/** One way to break each rule's control. */
const BREAK: Record<string, (s: SynthesizedStack[]) => void> = {
  "WP-ID-001": (s) => delete res(s, "identity", "azuread_group", "group-ict-beheerders_65526940").lifecycle,
  "WP-ID-002": (s) => (graph(s, "identity", "authorization-policy").defaultUserRolePermissions.allowedToCreateApps = true),
  "WP-ID-003": (s) => (graph(s, "identity", "authorization-policy").defaultUserRolePermissions.permissionGrantPoliciesAssigned = ["ManagePermissionGrantsForSelf.microsoft-user-default-legacy"]),
  "WP-ID-004": (s) => (graph(s, "identity", "authorization-policy").guestUserRoleId = "a0b1b346-4d3e-4e8b-98f8-753987be4970"),
  "WP-ID-005": (s) => (graph(s, "identity", "authorization-policy").allowInvitesFrom = "everyone"),
  "WP-ID-006": (s) => delete graph(s, "identity", "authorization-policy").defaultUserRolePermissions.allowedToCreateTenants,
  "WP-ID-007": (s) => (graph(s, "identity", "admin-consent-policy").isEnabled = false),
  "WP-ID-008": (s) => (graph(s, "identity", "authorization-policy").blockMsolPowerShell = false),
  "WP-ID-009": (s) => (graph(s, "identity", "authentication-method-sms").state = "enabled"),
  "WP-ID-010": (s) => (graph(s, "identity", "authentication-method-microsoftauthenticator").featureSettings.displayLocationInformationRequiredState.state = "default"),
  "WP-ID-011": (s) => (res(s, "identity", "azurerm_monitor_aad_diagnostic_setting", "entra-diagnostics").enabled_log = [{ category: "AuditLogs" }]),
  "WP-ID-012": (s) => (graph(s, "collaboration", "group-unified-settings", "msgraph_resource").values[0].value = "true"),
  "WP-ID-013": (s) => delete res(s, "identity", "azuread_group", "group-raadsleden-team_1A2B3C4D").visibility,
  "WP-ID-014": (s) => delete res(s, "identity", "azuread_group", "group-ict-beheerders_65526940").assignable_to_role,
  "WP-ID-015": (s) => (res(s, "identity", "azuread_directory_role_assignment", "role-ict-beheerders-groups-administrator").role_id = "62e90394-69f5-4237-9190-012177145e10"),
  "WP-ID-016": (s) => (res(s, "identity", "msgraph_resource", "consent-policy-settings").body.values[0].value = "false"),
  "WP-ID-017": (s) => (graph(s, "identity", "app-management-policy").servicePrincipalRestrictions.passwordCredentials[1].maxLifetime = "P730D"),
  "WP-ID-018": (s) => delete stack(s, "identity").resource.msgraph_update_resource["domain-password-policy-kraainem-onmicrosoft-com"],
  "WP-ID-019": (s) => (res(s, "identity", "msgraph_resource", "password-rule-settings").body.values.find((v: any) => v.name === "LockoutThreshold").value = "50"),
  "WP-ID-020": (s) => delete graph(s, "identity", "authorization-policy").allowedToUseSSPR,
  "WP-ID-021": (s) => (graph(s, "identity", "authentication-method-fido2").passkeyProfiles[0].keyRestrictions.isEnforced = false),
  "WP-ID-022": (s) => (graph(s, "identity", "device-registration-policy").azureADJoin.allowedToJoin = { "@odata.type": "#microsoft.graph.allDeviceRegistrationMembership" }),
  "WP-ID-023": (s) => (graph(s, "identity", "device-registration-policy").azureADJoin.localAdmins.enableGlobalAdmins = true),
  "WP-CA-001": (s) => (ca(s, "ca-002-mfa-all-users").conditions.users.excluded_groups = []),
  "WP-CA-002": (s) => (ca(s, "ca-001-block-legacy-auth").state = "disabled"),
  "WP-CA-003": (s) => {
    for (const p of ["ca-002-mfa-all-users", "ca-009-phishing-resistant-all"]) ca(s, p).conditions.users.included_users = ["00000000-0000-0000-0000-00000000aaaa"];
  },
  "WP-CA-004": (s) => ca(s, "ca-003-phishing-resistant-admins").conditions.users.included_roles.shift(),
  "WP-CA-005": (s) => (ca(s, "ca-004-compliant-device").grant_controls.built_in_controls = ["mfa"]),
  "WP-CA-006": (s) => (ca(s, "ca-005-register-security-info").state = "disabled"),
  "WP-CA-007": (s) => delete ca(s, "ca-006-block-device-code").conditions.authentication_flow_transfer_methods,
  "WP-CA-008": (s) => (ca(s, "ca-002-mfa-all-users").conditions.users.excluded_roles = ["62e90394-69f5-4237-9190-012177145e10"]),
  "WP-CA-009": (s) => (ca(s, "ca-004-compliant-device").state = "enabledForReportingButNotEnforced"),
  "WP-CA-010": (s) => ca(s, "ca-002-mfa-all-users").conditions.users.excluded_groups.push("00000000-0000-0000-0000-00000000dddd"),
  "WP-CA-011": (s) => (ca(s, "ca-007-sign-in-risk").conditions.user_risk_levels = ["high"]),
  "WP-CA-012": (s) => (ca(s, "ca-007-sign-in-risk").conditions.applications.included_applications = ["None"]),
  "WP-CA-013": (s) => (ca(s, "ca-004-compliant-device").grant_controls.built_in_controls = ["approvedApplication", "compliantDevice"]),
  "WP-CA-014": (s) => (ca(s, "ca-009-phishing-resistant-all").grant_controls.authentication_strength_policy_id = "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000002"),
  "WP-CA-015": (s) => (ca(s, "ca-008-user-risk").grant_controls = { operator: "AND", built_in_controls: ["mfa", "passwordChange"] }),
  "WP-TEAMS-001": (s) => (teams(s, 1).AllowAnonymousUsersToStartMeeting = true),
  "WP-TEAMS-002": (s) => (teams(s, 0).AllowExternalParticipantGiveRequestControl = true),
  "WP-TEAMS-003": (s) => (teams(s, 0).AutoAdmittedUsers = "Everyone"),
  "WP-TEAMS-004": (s) => (teams(s, 1).AllowPSTNUsersToBypassLobby = true),
  "WP-TEAMS-005": (s) => delete teams(s, 0).AllowCloudRecording, // Microsoft's default is on
  "WP-TEAMS-006": (s) => (teams(s, 2).AllowedDomains = []),
  "WP-TEAMS-007": (s) => {
    delete teams(s, 2).AllowTeamsConsumer;
    delete teams(s, 2).AllowTeamsConsumerInbound;
  },
  "WP-TEAMS-008": (s) => (teams(s, 3).AllowEmailIntoChannel = true),
  "WP-TEAMS-009": (s) => delete teams(s, 3).AllowGoogleDrive,
  "WP-TEAMS-010": (s) => (s.find((x) => x.area === "collaboration")!.documents["teams/teams-policies.json"].apps.tenantSettings.DefaultApp = "All"),
  "WP-INTUNE-001": (s) => (compliance(s).bitLockerEnabled = false),
  "WP-INTUNE-002": (s) => delete compliance(s).activeFirewallRequired,
  "WP-INTUNE-003": (s) => (compliance(s).rtpEnabled = false),
  "WP-INTUNE-004": (s) => delete compliance(s).osMinimumVersion,
  "WP-INTUNE-005": (s) => (graph(s, "devices", "update-ring-production", "msgraph_resource").userPauseAccess = "enabled"),
  "WP-INTUNE-006": (s) => delete stack(s, "devices").resource.msgraph_update_resource,
  "WP-INTUNE-007": (s) => delete stack(s, "devices").resource.msgraph_update_resource["remote-help-settings"],
  "WP-INTUNE-008": (s) => (graph(s, "devices", "remote-help-settings").allowSessionsToUnenrolledDevices = true),
  "WP-INTUNE-009": (s) => graph(s, "devices", "remote-help-role-helpdesk", "msgraph_resource").rolePermissions[0].resourceActions[0].allowedResourceActions.push("Microsoft.Intune_RemoteAssistanceApp_Unattended"),
  "WP-NET-001": (s) => nsg(s).security_rule.push(openRule("22")),
  "WP-NET-002": (s) => (res(s, "remote-access", "azurerm_network_security_rule", "nsg-vm-ssh-from-bastion").source_address_prefix = "0.0.0.0/0") && (res(s, "remote-access", "azurerm_network_security_rule", "nsg-vm-ssh-from-bastion").destination_port_range = "3000-4000"),
  "WP-NET-003": (s) => nsg(s).security_rule.push(openRule("500", "Udp")),
  "WP-NET-004": (s) => (res(s, "remote-access", "azurerm_web_application_firewall_policy", "waf-awingu").policy_settings.mode = "Detection"),
  "WP-NET-005": (s) => agw(s).request_routing_rule.pop(),
  "WP-NET-006": (s) => (agw(s).ssl_policy = { policy_type: "Predefined", policy_name: "AppGwSslPolicy20150501" }),
  "WP-NET-007": (s) => nsg(s).security_rule.push(openRule("8443")),
  "WP-NET-008": (s) => delete stack(s, "remote-access").resource.azurerm_subnet_network_security_group_association["nsg-vm-association"],
  "WP-NET-009": (s) => delete res(s, "remote-access", "azurerm_subnet", "snet-agw").default_outbound_access_enabled,
  "WP-NET-010": (s) => (res(s, "remote-access", "azurerm_monitor_diagnostic_setting", "bas-diagnostics").enabled_log = [{ category: "AllMetrics" }]),
  "WP-VM-001": (s) => (vm(s).admin_password = "Kraainem2020!"),
  "WP-VM-002": (s) => delete vm(s).encryption_at_host_enabled,
  "WP-VM-004": (s) => (vm(s).source_image_reference.version = "latest"),
  "WP-VM-005": (s) => (vm(s).vtpm_enabled = false),
  "WP-VM-006": (s) => delete vm(s).patch_assessment_mode,
  "WP-VM-007": (s) => (res(s, "identity", "azurerm_security_center_subscription_pricing", "defender_VirtualMachines").tier = "Free"),
  "WP-VM-003": (s) => (res(s, "remote-access", "azurerm_network_interface", "nic-awingu").ip_configuration[0].public_ip_address_id = "${azurerm_public_ip.pip.id}"),
  "WP-KV-001": (s) => delete kv(s).purge_protection_enabled,
  "WP-KV-002": (s) => delete kv(s).public_network_access_enabled,
  "WP-KV-003": (s) => delete stack(s, "identity").resource.azurerm_security_center_subscription_pricing.defender_KeyVaults,
  "WP-STATE-001": (s) => (account(s).allow_nested_items_to_be_public = true),
  "WP-STATE-002": (s) => delete account(s).shared_access_key_enabled,
  "WP-STATE-003": (s) => (account(s).min_tls_version = "TLS1_0"),
  "WP-STATE-004": (s) => (account(s).blob_properties.versioning_enabled = false),
  "WP-STATE-005": (s) => delete account(s).network_rules,
  "WP-STATE-006": (s) => delete res(s, "remote-access", "azurerm_recovery_services_vault", "rsv").lifecycle,
  "WP-STATE-007": (s) => (stack(s, "identity").terraform.backend.azurerm.access_key = "${var.state_key}"),
  "WP-STATE-008": (s) => delete account(s).local_user_enabled,
  "WP-STATE-009": (s) => (res(s, "remote-access", "azurerm_recovery_services_vault", "rsv").immutability = "Disabled"),
  "WP-STATE-010": (s) => (res(s, "identity", "azurerm_monitor_diagnostic_setting", "state-blob-diagnostics").target_resource_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stother/blobServices/default"),
  "WP-STATE-011": (s) => (res(s, "identity", "azurerm_security_center_subscription_pricing", "defender_StorageAccounts").resource_type = "KeyVaults"),
  "WP-SEC-001": (s) => (stack(s, "identity").provider.azuread[0].client_secret = "s3cr3t-value-in-code"),
};

describe("guardrail rules: compliant and non-compliant case", () => {
  test("every rule has a non-compliant case", () => {
    expect(RULES.map((r) => r.id).filter((id) => !BREAK[id])).toEqual([]);
  });

  describe.each(RULES.map((r) => [r.id, r] as const))("%s", (_id, rule) => {
    test("compliant: applies to the fixture and passes", () => {
      const outcomes = rule.check(contextFor(tenant, fixture()));
      expect(outcomes.length).toBeGreaterThan(0);
      expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    });

    test("non-compliant: fails with a message", () => {
      const stacks = fixture();
      BREAK[rule.id](stacks);
      const failed = rule.check(contextFor(tenant, stacks)).filter((o) => !o.ok);
      expect(failed.length).toBeGreaterThan(0);
      for (const f of failed) expect(f.message).toMatch(/\w{3}/);
    });
  });

  test("a rule that finds nothing of its kind is not applicable (no outcomes)", () => {
    const empty: SynthesizedStack[] = [{ name: "kraainem-remote-access", area: "remote-access", json: {}, documents: {} }];
    const ctx = contextFor(tenant, empty);
    for (const id of ["WP-CA-001", "WP-CA-008", "WP-NET-001", "WP-VM-001", "WP-TEAMS-001", "WP-INTUNE-006", "WP-STATE-001"]) {
      expect(RULES.find((r) => r.id === id)!.check(ctx)).toEqual([]);
    }
  });
});

describe("conditional access removed entirely", () => {
  const AT_LEAST_ONE = ["WP-CA-002", "WP-CA-003", "WP-CA-004", "WP-CA-005", "WP-CA-006", "WP-CA-007"];
  const failing = (stacks: SynthesizedStack[]) =>
    RULES.filter((r) => AT_LEAST_ONE.includes(r.id)).map((r) => ({ rule: r.id, level: r.level, outcomes: r.check(contextFor(tenant, stacks)) }));

  test("an empty resource section in the conditional access stack fails every at-least-one rule on that stack", () => {
    const s = fixture();
    delete stack(s, "conditional-access").resource;
    const results = failing(s);
    expect(results.map((r) => r.rule)).toEqual(AT_LEAST_ONE);
    for (const r of results) {
      expect(r.outcomes).toEqual([
        expect.objectContaining({ ok: false, stack: "kraainem-conditional-access", resource: null, message: expect.stringContaining("kraainem-conditional-access declares no conditional access policy") }),
      ]);
    }
    expect(results.filter((r) => r.level === "error").map((r) => r.rule)).toEqual(["WP-CA-002", "WP-CA-003", "WP-CA-004"]);
  });

  test("a missing conditional access stack fails them too, naming the stack", () => {
    const s = fixture().filter((x) => x.area !== "conditional-access");
    for (const r of failing(s)) {
      expect(r.outcomes).toEqual([expect.objectContaining({ ok: false, stack: "kraainem-conditional-access", message: expect.stringContaining("no kraainem-conditional-access stack in the output") })]);
    }
  });
});

describe("rule details", () => {
  const run = (id: string, stacks: SynthesizedStack[]) => RULES.find((r) => r.id === id)!.check(contextFor(tenant, stacks));
  const failures = (id: string, stacks: SynthesizedStack[]) => run(id, stacks).filter((o) => !o.ok);

  test("WP-CA-001 names the policy and the missing group", () => {
    const s = fixture();
    ca(s, "ca-001-block-legacy-auth").conditions.users.excluded_groups = ["00000000-0000-0000-0000-00000000dddd"];
    const [f] = failures("WP-CA-001", s);
    expect(f).toMatchObject({ stack: "kraainem-conditional-access", resource: "azuread_conditional_access_policy.ca-001-block-legacy-auth" });
    expect(f.message).toContain(tenant.breakGlass.groupObjectId);
  });

  test("CA blocks given as one-element lists (the other JSON shape) are read too", () => {
    const s = fixture();
    const p = ca(s, "ca-002-mfa-all-users");
    p.conditions = [{ ...p.conditions, users: [p.conditions.users], applications: [p.conditions.applications] }];
    p.grant_controls = [p.grant_controls];
    expect(failures("WP-CA-001", s)).toEqual([]);
    expect(run("WP-CA-003", s).some((o) => o.ok && o.resource?.endsWith("ca-002-mfa-all-users"))).toBe(true);
  });

  test("WP-ID-009 accepts a weak method the tenant file keeps with a reason", () => {
    const s = fixture();
    graph(s, "identity", "authentication-method-sms").state = "enabled";
    const keeping = { ...tenant, authenticationMethods: { keepEnabled: [{ method: "Sms" as const, reason: "raadsleden zonder smartphone tot 2026" }] } };
    expect(RULES.find((r) => r.id === "WP-ID-009")!.check(contextFor(keeping, s)).filter((o) => !o.ok)).toEqual([]);
  });

  test.each([
    ["*", "Tcp", "22", true],
    ["Internet", "*", "20-30", true],
    ["0.0.0.0/0", "Tcp", "*", true],
    ["Internet", "Udp", "22", false],
    ["10.0.0.0/8", "Tcp", "22", false],
    ["Internet", "Tcp", "2222", false],
    ["0.0.0.0/1", "Tcp", "22", true],
    ["0.0.0.0/4", "Tcp", "22", true],
    ["128.0.0.0/1", "Tcp", "22", true],
    ["11.0.0.0/8", "Tcp", "22", true],
    ["Any", "Tcp", "22", true],
    ["::/0", "Tcp", "22", true],
    ["198.51.100.0/24", "Tcp", "22", false],
    ["172.16.0.0/12", "Tcp", "22", false],
    ["VirtualNetwork", "Tcp", "22", false],
  ])("WP-NET-001: source %s protocol %s ports %s → fails %s", (source, protocol, port, fails) => {
    const s = fixture();
    nsg(s).security_rule.push({ ...openRule(port, protocol), source_address_prefix: source });
    expect(failures("WP-NET-001", s).length > 0).toBe(fails);
  });

  test("WP-NET-001 reads ports given as JSON numbers", () => {
    const s = fixture();
    nsg(s).security_rule.push({ ...openRule("22"), destination_port_range: 22 });
    expect(failures("WP-NET-001", s)).toHaveLength(1);
    const t = fixture();
    const rule: any = { ...openRule("22"), destination_port_ranges: [443, 22] };
    delete rule.destination_port_range;
    nsg(t).security_rule.push(rule);
    expect(failures("WP-NET-001", t)).toHaveLength(1);
  });

  test("WP-NET-001 reads destination_port_ranges and source_address_prefixes lists", () => {
    const s = fixture();
    const rule: any = { ...openRule("22"), destination_port_ranges: ["443", "22"], source_address_prefixes: ["10.0.0.0/8", "Internet"] };
    delete rule.destination_port_range;
    delete rule.source_address_prefix;
    nsg(s).security_rule.push(rule);
    expect(failures("WP-NET-001", s)).toHaveLength(1);
  });

  test.each([
    ["443 from the internet on the gateway NSG", "nsg-gateway", { destination_port_range: "443" }, false, {}],
    ["443 as a JSON number", "nsg-gateway", { destination_port_range: 443 }, false, {}],
    ["80 without the opt-in", "nsg-gateway", { destination_port_range: "80" }, true, {}],
    ["80 with httpRedirectFromInternet", "nsg-gateway", { destination_port_range: "80" }, false, { httpRedirectFromInternet: true }],
    ["8443 on the gateway NSG", "nsg-gateway", { destination_port_range: "8443" }, true, {}],
    ["any port on the gateway NSG", "nsg-gateway", { destination_port_range: "*" }, true, {}],
    ["443 over any protocol", "nsg-gateway", { destination_port_range: "443", protocol: "*" }, true, {}],
    ["443 from 0.0.0.0/1", "nsg-gateway", { destination_port_range: "443", source_address_prefix: "0.0.0.0/1" }, false, {}],
    ["443 on the VM subnet's NSG", "nsg-vm", { destination_port_range: "443" }, true, {}],
    ["65200-65535 from GatewayManager", "nsg-gateway", { destination_port_range: "65200-65535", source_address_prefix: "GatewayManager" }, false, {}],
  ])("WP-NET-007: %s", (_what, nsgName, change, fails, gateway) => {
    const s = fixture();
    const target = res(s, "remote-access", "azurerm_network_security_group", nsgName);
    target.security_rule = [...(target.security_rule ?? []), { ...openRule("443"), source_address_prefix: "Internet", ...change }];
    const t = { ...tenant, remoteAccess: { ...tenant.remoteAccess!, gateway: { ...tenant.remoteAccess!.gateway, ...gateway } } };
    const failed = RULES.find((r) => r.id === "WP-NET-007")!.check(contextFor(t, s)).filter((o) => !o.ok);
    expect(failed.length > 0).toBe(fails);
  });

  test("WP-NET-007 attributes separate rule resources to their NSG by reference", () => {
    const s = fixture();
    const rule = res(s, "remote-access", "azurerm_network_security_rule", "nsg-vm-ssh-from-bastion");
    Object.assign(rule, { source_address_prefix: "Internet", destination_port_range: "443", network_security_group_name: "${azurerm_network_security_group.nsg-gateway.name}" });
    expect(failures("WP-NET-007", s)).toEqual([]);
    rule.network_security_group_name = "${azurerm_network_security_group.nsg-vm.name}";
    expect(failures("WP-NET-007", s)).toEqual([expect.objectContaining({ resource: "azurerm_network_security_rule.nsg-vm-ssh-from-bastion" })]);
  });

  test("WP-NET-008 exempts the application gateway subnet and subnets Azure gives no NSG", () => {
    const s = fixture();
    const associations = stack(s, "remote-access").resource.azurerm_subnet_network_security_group_association;
    delete associations["nsg-gateway-association"];
    expect(failures("WP-NET-008", s)).toEqual([]);
    stack(s, "remote-access").resource.azurerm_subnet["snet-vpn"] = { name: "GatewaySubnet", address_prefixes: ["10.20.2.0/27"] };
    stack(s, "remote-access").resource.azurerm_subnet["snet-extra"] = { name: "snet-kraainem-extra", address_prefixes: ["10.20.3.0/27"] };
    expect(failures("WP-NET-008", s).map((f) => f.resource)).toEqual(["azurerm_subnet.snet-extra"]);
  });

  test("WP-VM-004 warns about a gallery image without a version", () => {
    const s = fixture();
    delete vm(s).source_image_reference;
    vm(s).source_image_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/awingu";
    expect(failures("WP-VM-004", s)).toHaveLength(1);
    vm(s).source_image_id += "/versions/5.5.1";
    expect(failures("WP-VM-004", s)).toEqual([]);
  });

  test("WP-SEC-001 finds private keys, admin passwords and backend keys anywhere, ignores references and booleans", () => {
    const s = fixture();
    vm(s).custom_data = "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----";
    vm(s).admin_password = "${var.admin_password}"; // a reference, not a literal
    stack(s, "state").terraform.backend = { azurerm: { access_key: "abc123==" } };
    const messages = failures("WP-SEC-001", s).map((f) => `${f.stack} ${f.resource}: ${f.message}`);
    expect(messages).toEqual([
      "kraainem-state terraform: terraform.backend.azurerm.access_key: literal value",
      "kraainem-remote-access azurerm_linux_virtual_machine.vm-awingu: custom_data: contains a private key",
    ]);
    // passwordRequired: true and passwordRequiredType in the Intune body are settings, not secrets
    expect(failures("WP-SEC-001", fixture())).toEqual([]);
  });

  test("WP-SEC-001 finds literal defaults of sensitive or secret-named variables and secret-named locals", () => {
    const s = fixture();
    stack(s, "remote-access").variable = {
      vm_pwd: { type: "string", default: "Kraainem2020!" },
      ldap_bind: { type: "string", sensitive: true, default: "hunter2hunter2" },
      graph_token: { type: "string", default: "eyJ0eXAiOiJKV1QiLCJhbGciOi" },
      location: { type: "string", default: "westeurope" }, // neither sensitive nor secret-named
      admin_password: { type: "string", sensitive: true }, // no default: fed from the environment
      api_key: { type: "string", default: "${var.other}" }, // a reference
    };
    stack(s, "state").locals = { admin_pw: "Kraainem2020!", runner_token: { value: "ghp_abcdefabcdef" }, region: "westeurope", sas_token: "${var.sas}" };
    const messages = failures("WP-SEC-001", s).flatMap((f) => f.message!.split("; "));
    expect(messages.sort()).toEqual(
      [
        "variable.vm_pwd.default: literal value for a secret-named variable",
        "variable.ldap_bind.default: literal value for a sensitive variable",
        "variable.graph_token.default: literal value for a secret-named variable",
        "locals.admin_pw: literal value",
        "locals.runner_token: literal value",
      ].sort(),
    );
  });

  test("WP-TEAMS rules read a top-level array and Type instead of cmdlet", () => {
    const s = fixture();
    const collab = s.find((x) => x.area === "collaboration")!;
    const doc = collab.documents["teams/teams-policies.json"];
    const asArray = doc.policies.map((p: any) => ({ type: p.cmdlet.replace(/^(Set|New)-/, ""), identity: p.identity, parameters: p.parameters }));
    asArray[3].parameters.AllowEmailIntoChannel = true;
    (collab as any).documents = { "teams-policies.json": asArray };
    expect(failures("WP-TEAMS-008", s).map((f) => f.resource)).toEqual(["CsTeamsClientConfiguration:Global"]);
    expect(failures("WP-TEAMS-001", s)).toEqual([]);
  });
});

describe("WP-CA-012 and guest-only policies", () => {
  const rule = RULES.find((r) => r.id === "WP-CA-012")!;
  const outcomes = (s: SynthesizedStack[]) => rule.check(contextFor(tenant, s));
  test("a policy that targets only guest types targets users", () => {
    const s = fixture();
    const p = ca(s, "ca-007-sign-in-risk");
    p.conditions.users = { included_guests_or_external_users: [{ guest_or_external_user_types: ["b2bCollaborationGuest"] }], excluded_groups: p.conditions.users.excluded_groups };
    expect(outcomes(s).filter((o) => !o.ok)).toEqual([]);
    p.conditions.users = { excluded_groups: p.conditions.users.excluded_groups };
    expect(outcomes(s).filter((o) => !o.ok).map((o) => o.message)).toEqual([expect.stringMatching(/targets no users, groups, roles or guest types/)]);
  });
});

describe("the Teams rules read the document the collaboration stack really writes", () => {
  test("every Teams rule applies to the example and passes", () => {
    const outdir = tempDir();
    const app = new App({ outdir });
    buildTenant(app, tenant);
    app.synth();
    const ctx = contextFor(tenant, readTenantStacks(outdir, "kraainem"));
    for (const rule of RULES.filter((r) => r.id.startsWith("WP-TEAMS-"))) {
      const outcomes = rule.check(ctx);
      expect({ rule: rule.id, applies: outcomes.length > 0 }).toEqual({ rule: rule.id, applies: true });
      expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    }
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});
