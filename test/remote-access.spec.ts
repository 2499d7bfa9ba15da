import * as fs from "fs";
import * as path from "path";
import { Testing, TerraformResource } from "cdktf";
import { buildTenant, TenantStacks } from "../stacks/tenant";
import { AWINGU_SIZING, awinguVmSize } from "../policies/remote-access/sizing";
import type { Tenant } from "../tenants/schema";
import { buildStacks, kraainem, kraainemRaw, resourcesOf, StackJson, synthJson, tempDir, tenantFrom } from "./helpers";

type Rule = Record<string, any>;

function remoteAccessJson(tenant: Tenant = kraainem()): StackJson {
  return synthJson(buildStacks(tenant).remoteAccess);
}

/** Rules per NSG construct id (nsg-agw, nsg-awingu, nsg-bastion), as compact rows. */
function nsgRules(json: StackJson): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, r] of Object.entries(json.resource!.azurerm_network_security_rule) as [string, Rule][]) {
    const nsg = /network_security_group\.([^.]+)\.name/.exec(r.network_security_group_name)![1];
    const list = (single: string, plural: string) => (r[single] !== undefined ? [r[single]] : r[plural]).join(",");
    (out[nsg] ??= []).push(
      [r.direction, r.priority, r.access, r.protocol, list("source_address_prefix", "source_address_prefixes"), list("destination_address_prefix", "destination_address_prefixes"), list("destination_port_range", "destination_port_ranges"), r.name].join(" "),
    );
    expect(r.source_port_range).toBe("*");
    expect(id).toContain(r.name);
  }
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}

/** Synthesizes the whole app, so cross-stack references resolve to remote state; returns stacks by id. */
function appSynth(tenant: Tenant = kraainem()): { stacks: TenantStacks; json: (id: string) => StackJson } {
  const outdir = tempDir();
  const app = Testing.app({ outdir });
  const stacks = buildTenant(app, tenant);
  app.synth();
  const files: Record<string, StackJson> = {};
  for (const s of Object.values(stacks)) {
    files[s.node.id] = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", s.node.id, "cdk.tf.json"), "utf8"));
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  return { stacks, json: (id) => files[id] };
}

function withRemoteAccess(patch: (ra: Record<string, any>, raw: Record<string, any>) => void): Tenant {
  const raw = kraainemRaw() as Record<string, any>;
  patch(raw.remoteAccess, raw);
  return tenantFrom(raw);
}

const INTERNET = ["Internet", "*", "0.0.0.0/0", "Any"];

describe("remote-access stack: network security", () => {
  const json = remoteAccessJson();
  const rules = Object.values(json.resource!.azurerm_network_security_rule) as Rule[];

  test("NSG rules are exactly the reviewed tables", () => {
    expect(nsgRules(json)).toEqual({
      "nsg-agw": [
        "Inbound 100 Allow Tcp Internet * 443 AllowHttpsFromInternet",
        "Inbound 120 Allow Tcp GatewayManager * 65200-65535 AllowGatewayManager",
        "Inbound 130 Allow * AzureLoadBalancer * * AllowAzureLoadBalancer",
        "Inbound 4096 Deny * * * * DenyAllInbound",
      ],
      "nsg-awingu": [
        "Inbound 100 Allow Tcp 10.20.0.0/24 10.20.1.0/27 443 AllowHttpsFromGateway",
        "Inbound 110 Allow Tcp 10.20.1.64/26 10.20.1.0/27 22,8080 AllowAdminFromBastion",
        "Inbound 4096 Deny * * * * DenyAllInbound",
        "Outbound 100 Allow Tcp 10.20.1.0/27 10.10.0.10,10.10.0.11 636 AllowLdapToDomainControllers",
        "Outbound 110 Allow * 10.20.1.0/27 10.10.0.10,10.10.0.11 88,464 AllowKerberosToDomainControllers",
        "Outbound 120 Allow * 10.20.1.0/27 10.10.0.10,10.10.0.11 53 AllowDnsToDomainControllers",
        "Outbound 130 Allow Udp 10.20.1.0/27 10.10.0.10,10.10.0.11 123 AllowNtp",
        "Outbound 140 Allow Tcp 10.20.1.0/27 10.10.0.20 445 AllowSmbToFileServers",
        "Outbound 150 Allow Tcp 10.20.1.0/27 10.10.0.31,10.10.0.32 3389 AllowRdpToRdsHosts",
        "Outbound 160 Allow Tcp 10.20.1.0/27 Internet 443 AllowHttpsToInternet",
        "Outbound 4096 Deny * * * * DenyAllOutbound",
      ],
      "nsg-bastion": [
        "Inbound 100 Allow Tcp 192.0.2.0/28 * 443 AllowHttpsFromAdmins",
        "Inbound 110 Allow Tcp GatewayManager * 443 AllowGatewayManager",
        "Inbound 120 Allow Tcp AzureLoadBalancer * 443 AllowAzureLoadBalancer",
        "Inbound 130 Allow * VirtualNetwork VirtualNetwork 8080,5701 AllowBastionHostCommunication",
        "Inbound 4096 Deny * * * * DenyAllInbound",
        "Outbound 100 Allow * * VirtualNetwork 22,3389 AllowSshRdpToVirtualNetwork",
        "Outbound 105 Allow Tcp * 10.20.1.0/27 8080 AllowInstallerTunnelToVm",
        "Outbound 110 Allow Tcp * AzureCloud 443 AllowAzureCloud",
        "Outbound 120 Allow * VirtualNetwork VirtualNetwork 8080,5701 AllowBastionCommunication",
        "Outbound 130 Allow * * Internet 80 AllowGetSessionInformation",
      ],
    });
  });

  test("the only inbound allow from the internet is TCP 443 on the gateway subnet", () => {
    const fromInternet = rules.filter(
      (r) => r.direction === "Inbound" && r.access === "Allow" && [r.source_address_prefix, ...(r.source_address_prefixes ?? [])].some((s) => INTERNET.includes(s)),
    );
    expect(fromInternet).toHaveLength(1);
    expect(fromInternet[0]).toMatchObject({ protocol: "Tcp", destination_port_range: "443", network_security_group_name: "${azurerm_network_security_group.nsg-agw.name}" });
  });

  test("SSH, RDP and the installer are allowed inbound only from the Bastion subnet", () => {
    const inboundAllows = rules.filter((r) => r.direction === "Inbound" && r.access === "Allow");
    const opens = (r: Rule, port: number) =>
      [r.destination_port_range, ...(r.destination_port_ranges ?? [])].filter(Boolean).some((p: string) => {
        if (p === "*") return true;
        const [lo, hi] = p.split("-").map(Number);
        return port >= lo && port <= (hi ?? lo);
      });
    for (const port of [22, 3389, 8080]) {
      const open = inboundAllows.filter((r) => opens(r, port) && r.source_address_prefix !== "VirtualNetwork" && r.source_address_prefix !== "AzureLoadBalancer");
      expect(open.map((r) => [r.name, r.source_address_prefix])).toEqual(port === 3389 ? [] : [["AllowAdminFromBastion", "10.20.1.64/26"]]);
    }
  });

  test("every subnet has its NSG; the VM subnet egresses only through the NAT gateway", () => {
    const assoc = resourcesOf(json, "azurerm_subnet_network_security_group_association").map((a: Rule) => [a.subnet_id, a.network_security_group_id]);
    expect(assoc.sort()).toEqual(
      [
        ["${azurerm_subnet.snet-agw.id}", "${azurerm_network_security_group.nsg-agw.id}"],
        ["${azurerm_subnet.snet-awingu.id}", "${azurerm_network_security_group.nsg-awingu.id}"],
        ["${azurerm_subnet.snet-bastion.id}", "${azurerm_network_security_group.nsg-bastion.id}"],
      ].sort(),
    );
    expect(resourcesOf(json, "azurerm_subnet")).toHaveLength(3);
    expect(json.resource!.azurerm_subnet["snet-awingu"]).toMatchObject({ default_outbound_access_enabled: false, name: "snet-kraainem-awingu" });
    expect(json.resource!.azurerm_subnet["snet-bastion"]).toMatchObject({ name: "AzureBastionSubnet" });
    // no subnet keeps Azure's implicit outbound IP; the managed services' subnets do not need it
    expect(resourcesOf(json, "azurerm_subnet").map((sn: Rule) => [sn.name, sn.default_outbound_access_enabled])).toEqual([
      ["snet-kraainem-agw", false],
      ["snet-kraainem-awingu", false],
      ["AzureBastionSubnet", false],
    ]);
    expect(resourcesOf(json, "azurerm_subnet_nat_gateway_association")).toEqual([
      expect.objectContaining({ subnet_id: "${azurerm_subnet.snet-awingu.id}", nat_gateway_id: "${azurerm_nat_gateway.ng.id}" }),
    ]);
  });

  test("opening port 80 for the HTTP→HTTPS redirect is an explicit tenant choice", () => {
    const t = withRemoteAccess((ra) => (ra.gateway = { httpRedirectFromInternet: true }));
    expect(nsgRules(remoteAccessJson(t))["nsg-agw"]).toContain("Inbound 110 Allow Tcp Internet * 80 AllowHttpRedirectFromInternet");
  });

  test("plain LDAP 389 only when allowed; no SMB rule without file servers; NTP servers when given", () => {
    const t = withRemoteAccess((ra) => {
      ra.allowPlainLdap = true;
      ra.fileServers = [];
      ra.ntpServers = ["10.10.0.5"];
    });
    const vm = nsgRules(remoteAccessJson(t))["nsg-awingu"];
    expect(vm).toContain("Outbound 100 Allow Tcp 10.20.1.0/27 10.10.0.10,10.10.0.11 389,636 AllowLdapToDomainControllers");
    expect(vm).toContain("Outbound 130 Allow Udp 10.20.1.0/27 10.10.0.5 123 AllowNtp");
    expect(vm.some((r) => r.includes("Smb"))).toBe(false);
  });

  test("Bastion admin sources default to the tenant's trusted IP ranges", () => {
    const t = withRemoteAccess((ra) => delete ra.bastion);
    expect(nsgRules(remoteAccessJson(t))["nsg-bastion"][0]).toBe("Inbound 100 Allow Tcp 192.0.2.0/28 * 443 AllowHttpsFromAdmins");
  });

  test("no public IP on the VM; public IPs only for the gateway, Bastion and the NAT gateway", () => {
    const nic = resourcesOf(json, "azurerm_network_interface")[0] as Rule;
    expect(nic.ip_configuration[0].public_ip_address_id).toBeUndefined();
    expect(nic.ip_forwarding_enabled).toBe(false);
    expect(Object.keys(json.resource!.azurerm_public_ip).sort()).toEqual(["pip-agw", "pip-bastion", "pip-ng"]);
    expect(json.resource!.azurerm_application_gateway.agw.frontend_ip_configuration).toEqual([{ name: "frontend-public", public_ip_address_id: "${azurerm_public_ip.pip-agw.id}" }]);
  });
});

describe("remote-access stack: the VM", () => {
  const vmOf = (json: StackJson) => resourcesOf(json, "azurerm_linux_virtual_machine")[0] as Rule;

  test("hardened: SSH key only, encryption at host, Premium disk, identity, boot diagnostics, zone", () => {
    const vm = vmOf(remoteAccessJson());
    expect(vm).toMatchObject({
      name: "vm-kraainem-awingu",
      disable_password_authentication: true,
      encryption_at_host_enabled: true,
      identity: { type: "SystemAssigned" },
      boot_diagnostics: {},
      zone: "1",
      os_disk: { storage_account_type: "Premium_LRS", disk_size_gb: 128, name: "osdisk-kraainem-awingu" },
      admin_ssh_key: [{ username: "awinguadmin", public_key: kraainem().remoteAccess!.sshPublicKey }],
    });
    expect(vm.admin_password).toBeUndefined();
    expect(vm.custom_data).toBeUndefined();
  });

  test("Trusted Launch by default (Secure Boot, vTPM, an Enhanced V2 backup policy); off for a Gen1 image", () => {
    const on = remoteAccessJson();
    expect(vmOf(on)).toMatchObject({ secure_boot_enabled: true, vtpm_enabled: true });
    expect(resourcesOf(on, "azurerm_backup_policy_vm")[0]).toMatchObject({ policy_type: "V2", instant_restore_retention_days: 2 });
    const off = remoteAccessJson(withRemoteAccess((ra) => (ra.trustedLaunch = false)));
    expect(vmOf(off)).toMatchObject({ secure_boot_enabled: false, vtpm_enabled: false });
    expect(resourcesOf(off, "azurerm_backup_policy_vm")[0]).toMatchObject({ policy_type: "V1" });
  });

  test("checked for missing updates every day by Azure, patched by the appliance's own channel", () => {
    expect(vmOf(remoteAccessJson())).toMatchObject({ patch_assessment_mode: "AutomaticByPlatform", patch_mode: "ImageDefault", provision_vm_agent: true });
  });

  test.each([
    [1, "Standard_D2s_v5"],
    [100, "Standard_D2s_v5"],
    [101, "Standard_D8s_v5"],
    [250, "Standard_D8s_v5"],
    [500, "Standard_D8s_v5"],
  ])("%i concurrent users → %s", (users, size) => {
    expect(vmOf(remoteAccessJson(withRemoteAccess((ra) => (ra.concurrentUsers = users))))).toMatchObject({ size });
  });

  test("an explicit vmSize wins over the sizing table", () => {
    expect(vmOf(remoteAccessJson(withRemoteAccess((ra) => (ra.vmSize = "Standard_D4s_v5"))))).toMatchObject({ size: "Standard_D4s_v5" });
  });

  test("the sizing table never gives less than the vendor asks", () => {
    for (const tier of AWINGU_SIZING) {
      expect(tier.azure.vcpu).toBeGreaterThanOrEqual(tier.vendor.vcpu);
      expect(tier.azure.memoryGiB).toBeGreaterThanOrEqual(tier.vendor.memoryGB);
    }
    expect(() => awinguVmSize(501)).toThrow(/at most 500/);
  });

  test("Marketplace image: plan block and terms agreement; gallery image: neither", () => {
    const market = remoteAccessJson();
    expect(vmOf(market)).toMatchObject({
      source_image_reference: { publisher: "awingu", offer: "awingu", sku: "awingu", version: "latest" },
      plan: { name: "awingu", product: "awingu", publisher: "awingu" },
    });
    expect(resourcesOf(market, "azurerm_marketplace_agreement")).toEqual([expect.objectContaining({ publisher: "awingu", offer: "awingu", plan: "awingu" })]);

    const noTerms = remoteAccessJson(withRemoteAccess((ra) => (ra.image.acceptTerms = false)));
    expect(vmOf(noTerms).plan).toBeDefined();
    expect(resourcesOf(noTerms, "azurerm_marketplace_agreement")).toHaveLength(0);

    const id = "/subscriptions/00000000-0000-0000-0000-0000000000b1/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/gal/images/awingu/versions/5.5.1";
    const gallery = remoteAccessJson(withRemoteAccess((ra) => (ra.image = { source: "gallery", galleryImageId: id })));
    expect(vmOf(gallery)).toMatchObject({ source_image_id: id });
    expect(vmOf(gallery).plan).toBeUndefined();
    expect(vmOf(gallery).source_image_reference).toBeUndefined();
    expect(resourcesOf(gallery, "azurerm_marketplace_agreement")).toHaveLength(0);
  });

  test("Azure Monitor agent and a data collection rule into the identity stack's Log Analytics workspace", () => {
    const json = appSynth().json("kraainem-remote-access");
    expect(resourcesOf(json, "azurerm_virtual_machine_extension")).toEqual([
      expect.objectContaining({ publisher: "Microsoft.Azure.Monitor", type: "AzureMonitorLinuxAgent", automatic_upgrade_enabled: true }),
    ]);
    const dcr = resourcesOf(json, "azurerm_monitor_data_collection_rule")[0] as Rule;
    expect(dcr.kind).toBe("Linux");
    expect(dcr.destinations.log_analytics[0].workspace_resource_id).toMatch(/terraform_remote_state\.cross-stack-reference-input-kraainem-identity\.outputs\./);
    expect(resourcesOf(json, "azurerm_monitor_data_collection_rule_association")).toEqual([
      expect.objectContaining({ target_resource_id: "${azurerm_linux_virtual_machine.vm_BEC5F109.id}" }),
    ]);
  });

  test("backed up daily into a protected Recovery Services vault", () => {
    const json = remoteAccessJson();
    expect(resourcesOf(json, "azurerm_recovery_services_vault")[0]).toMatchObject({
      name: "rsv-kraainem-awingu",
      soft_delete_enabled: true,
      immutability: "Unlocked",
      identity: { type: "SystemAssigned" },
      lifecycle: { prevent_destroy: true },
    });
    expect(resourcesOf(json, "azurerm_backup_policy_vm")[0]).toMatchObject({
      backup: { frequency: "Daily", time: "23:00" },
      retention_daily: { count: 30 },
      retention_weekly: { count: 12, weekdays: ["Sunday"] },
    });
    expect(resourcesOf(json, "azurerm_backup_protected_vm")[0]).toMatchObject({
      source_vm_id: "${azurerm_linux_virtual_machine.vm_BEC5F109.id}",
      backup_policy_id: "${azurerm_backup_policy_vm.backup-policy.id}",
    });
    const locked = remoteAccessJson(withRemoteAccess((ra) => (ra.backup = { ...ra.backup, immutability: "Locked" })));
    expect(resourcesOf(locked, "azurerm_recovery_services_vault")[0]).toMatchObject({ immutability: "Locked" });
    // replacing the VM (e.g. another image) keeps its restore points, which the immutable vault requires
    expect(json.provider!.azurerm[0].features).toEqual([{ recovery_service: [{ vm_backup_stop_protection_and_retain_data_on_destroy: true }] }]);
  });
});

describe("remote-access stack: gateway, Key Vault, Bastion, SAML", () => {
  const json = remoteAccessJson();

  test("application gateway WAF_v2: Prevention WAF, TLS 2022, HTTPS listener from Key Vault, redirect, probe", () => {
    const agw = json.resource!.azurerm_application_gateway.agw as Rule;
    expect(agw).toMatchObject({
      name: "agw-kraainem-awingu",
      sku: { name: "WAF_v2", tier: "WAF_v2" },
      firewall_policy_id: "${azurerm_web_application_firewall_policy.waf.id}",
      force_firewall_policy_association: true,
      ssl_policy: { policy_type: "Predefined", policy_name: "AppGwSslPolicy20220101S" },
      identity: { type: "UserAssigned", identity_ids: ["${azurerm_user_assigned_identity.id-agw.id}"] },
      ssl_certificate: [{ name: "awingu-tls", key_vault_secret_id: "${azurerm_key_vault_certificate.kv-certificate.versionless_secret_id}" }],
      redirect_configuration: [{ redirect_type: "Permanent", target_listener_name: "https", include_path: true, include_query_string: true }],
      probe: [{ protocol: "Https", host: "werkplek.kraainem.be", path: "/" }],
      backend_http_settings: [{ protocol: "Https", port: 443, host_name: "werkplek.kraainem.be", probe_name: "awingu-https" }],
      backend_address_pool: [{ ip_addresses: ["${azurerm_network_interface.vm_Nic_7ACF01EE.private_ip_address}"] }],
    });
    expect(agw.http_listener.find((l: Rule) => l.name === "https")).toMatchObject({ protocol: "Https", ssl_certificate_name: "awingu-tls", host_name: "werkplek.kraainem.be" });
    // HTTP only redirects, never reaches the VM.
    expect(agw.request_routing_rule.find((r: Rule) => r.http_listener_name === "http")).toEqual(
      expect.objectContaining({ redirect_configuration_name: "http-to-https" }),
    );
    expect(agw.request_routing_rule.find((r: Rule) => r.http_listener_name === "http").backend_address_pool_name).toBeUndefined();
    expect(json.resource!.azurerm_web_application_firewall_policy.waf).toMatchObject({
      policy_settings: { enabled: true, mode: "Prevention", request_body_check: true },
      managed_rules: { managed_rule_set: [{ type: "Microsoft_DefaultRuleSet", version: "2.1" }] },
    });
  });

  test("Key Vault: RBAC, purge protection, firewall, protected; the gateway identity may read secrets", () => {
    expect(json.resource!.azurerm_key_vault.kv).toMatchObject({
      name: "kv-kraainem-awingu",
      rbac_authorization_enabled: true,
      purge_protection_enabled: true,
      network_acls: {
        default_action: "Deny",
        bypass: "AzureServices",
        ip_rules: ["192.0.2.0/28"],
        virtual_network_subnet_ids: ["${azurerm_subnet.snet-agw.id}"],
      },
      lifecycle: { prevent_destroy: true },
    });
    expect(json.resource!.azurerm_role_assignment["kv-agw-secrets"]).toMatchObject({
      role_definition_name: "Key Vault Secrets User",
      principal_id: "${azurerm_user_assigned_identity.id-agw.principal_id}",
    });
    expect(json.resource!.azurerm_key_vault_certificate["kv-certificate"]).toMatchObject({
      name: "awingu-tls",
      lifecycle: { ignore_changes: ["certificate_policy", "certificate"] },
    });
  });

  test("no secret value anywhere; the LDAP bind secret is only a reference", () => {
    for (const stack of Object.values(buildStacks())) {
      const text = JSON.stringify(synthJson(stack));
      // (settings-catalog bodies in the devices stack carry harmless "value" keys, so values are
      // checked by their secret-bearing attribute names instead)
      expect(text).not.toMatch(/PRIVATE KEY|admin_password|"password"|client_secret/);
      expect(text).not.toMatch(/azurerm_key_vault_secret/);
    }
    expect((json as any).output["ldap-bind-secret-uri"].value).toBe('${join("", [azurerm_key_vault.kv.vault_uri, "secrets/", "awingu-ldap-bind"])}');
  });

  test("Azure Bastion Standard with tunnelling, no shareable links", () => {
    expect(resourcesOf(json, "azurerm_bastion_host")[0]).toMatchObject({
      name: "bas-kraainem-awingu",
      sku: "Standard",
      tunneling_enabled: true,
      shareable_link_enabled: false,
      ip_configuration: { subnet_id: "${azurerm_subnet.snet-bastion.id}" },
    });
    const { json: byStack } = appSynth();
    expect(resourcesOf(byStack("kraainem-remote-access"), "azurerm_monitor_diagnostic_setting")).toContainEqual(
      expect.objectContaining({
        target_resource_id: "${azurerm_bastion_host.bas.id}",
        enabled_log: [{ category_group: "allLogs" }],
        log_analytics_workspace_id: expect.stringMatching(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-kraainem-identity\.outputs\.cross-stack-output-azurerm_log_analytics_workspacelog-analyticsid\}$/),
      }),
    );
  });

  test("Awingu SAML enterprise application, assignment required, assigned to the Awingu users group", () => {
    const { stacks, json: jsonOf } = appSynth();
    const ra = jsonOf("kraainem-remote-access");
    expect(ra.resource!.azuread_application["awingu-app"]).toMatchObject({
      identifier_uris: ["https://werkplek.kraainem.be"],
      web: { redirect_uris: ["https://werkplek.kraainem.be/"] },
      sign_in_audience: "AzureADMyOrg",
      lifecycle: { prevent_destroy: true },
    });
    expect(ra.resource!.azuread_service_principal["awingu-sp"]).toMatchObject({
      client_id: "${azuread_application.awingu-app.client_id}",
      preferred_single_sign_on_mode: "saml",
      app_role_assignment_required: true,
    });
    const assignment = ra.resource!.azuread_app_role_assignment["awingu-users"] as Rule;
    expect(assignment).toMatchObject({ app_role_id: "00000000-0000-0000-0000-000000000000", resource_object_id: "${azuread_service_principal.awingu-sp.object_id}" });
    // The group comes from the identity stack by reference: its output feeds this assignment.
    const output = /outputs\.([^}]+)\}/.exec(assignment.principal_object_id)![1];
    expect((jsonOf("kraainem-identity") as any).output[output].value).toMatch(/^\$\{azuread_group\.group-awingu-gebruikers_[0-9A-F]+\.object_id\}$/);
    expect(stacks.remoteAccess.awinguAppClientId).toBeDefined();
  });

  test("without remoteAccess in the tenant file the stack holds no resources", () => {
    const t = { ...kraainem(), remoteAccess: undefined };
    const stacks = buildStacks(t);
    expect(synthJson(stacks.remoteAccess).resource).toBeUndefined();
    expect(stacks.remoteAccess.awinguAppClientId).toBeUndefined();
  });
});

describe("tags and names", () => {
  test("every azurerm resource that takes tags carries the tenant's tags, in every stack", () => {
    const tags = { ...kraainem().tags, managedBy: "werkplek", tenant: "kraainem" };
    let checked = 0;
    for (const stack of Object.values(buildStacks())) {
      const json = synthJson(stack);
      for (const node of stack.node.findAll()) {
        if (!(node instanceof TerraformResource) || !node.terraformResourceType.startsWith("azurerm_")) continue;
        if (!takesTags(node)) continue;
        const r = json.resource![node.terraformResourceType][node.friendlyUniqueId] as Rule;
        expect([node.terraformResourceType, r.tags]).toEqual([node.terraformResourceType, tags]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  test("Azure resource names follow the CAF abbreviations", () => {
    const json = remoteAccessJson();
    const names = (type: string) => resourcesOf(json, type).map((r: Rule) => r.name).sort();
    expect(names("azurerm_resource_group")).toEqual(["rg-kraainem-awingu"]);
    expect(names("azurerm_virtual_network")).toEqual(["vnet-kraainem-awingu"]);
    expect(names("azurerm_network_security_group")).toEqual(["nsg-kraainem-agw", "nsg-kraainem-awingu", "nsg-kraainem-bastion"]);
    expect(names("azurerm_public_ip")).toEqual(["pip-kraainem-agw-awingu", "pip-kraainem-bas-awingu", "pip-kraainem-ng-awingu"]);
    expect(names("azurerm_nat_gateway")).toEqual(["ng-kraainem-awingu"]);
    expect(names("azurerm_network_interface")).toEqual(["nic-kraainem-awingu"]);
    expect(names("azurerm_web_application_firewall_policy")).toEqual(["waf-kraainem-awingu"]);
    expect(names("azurerm_user_assigned_identity")).toEqual(["id-kraainem-agw-awingu"]);
    expect(names("azurerm_monitor_data_collection_rule")).toEqual(["dcr-kraainem-awingu"]);
  });
});

function takesTags(node: object): boolean {
  for (let proto = Object.getPrototypeOf(node); proto && proto !== TerraformResource.prototype; proto = Object.getPrototypeOf(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, "tags");
    if (d) return typeof d.set === "function";
  }
  return false;
}
