import { allUsersAllApps, atLeastOnePolicy, blocks, isOn } from "../ca-policy";
import { defineRule } from "../rule";
import { CA001 } from "../../policies/conditional-access/CA001-block-legacy-authentication";
import { promoteInTenantFile } from "./enforced";

const LEGACY = ["exchangeActiveSync", "other"];

export default defineRule({
  id: "WP-CA-002",
  level: "error",
  title: "A conditional access policy blocks legacy authentication for all users and apps",
  explanation:
    "Legacy protocols (POP, IMAP, SMTP AUTH, Exchange ActiveSync, old Office clients) cannot do MFA; password spraying goes through them. Blocking them is the single most effective identity control.",
  fix: `${promoteInTenantFile(CA001)} in Terraform JSON it needs included_users ["All"], included_applications ["All"], client_app_types ["exchangeActiveSync", "other"], built_in_controls ["block"] and state "enabled".`,
  controls: ["MS.AAD.1.1", "CIS 5.2.2.3", "MT.1009", "MT.1010"],
  check: (ctx) =>
    atLeastOnePolicy(
      ctx,
      (p) => isOn(p) && blocks(p) && allUsersAllApps(p) && LEGACY.every((c) => p.clientAppTypes.includes(c)),
      "no enabled policy blocks legacy authentication (exchangeActiveSync and other clients) for all users and apps",
    ),
});
