import { whatIf, WhatIfResult, WhatIfSignIn } from "../../constructs/conditional-access/whatif";
import { WEAK_AUTH_METHODS } from "../../tenants/schema";
import { DocsContext } from "./context";
import { remoteHelpSection } from "./remote-help";

/** A sign-in by an ordinary staff member from home in Belgium (or the tenant's first allowed country). */
function situations(country: string): Record<string, WhatIfSignIn> {
  const home = { country, ip: "198.51.100.20", risk: "none" } as const;
  return {
    laptopApps: { ...home, app: "Office365", client: "mobileAppsAndDesktopClients", platform: "windows", device: "compliant" },
    laptopBrowser: { ...home, app: "Office365", client: "browser", platform: "windows", device: "compliant" },
    privateBrowser: { ...home, app: "Office365", client: "browser", platform: "windows", device: "unmanaged" },
    privateApps: { ...home, app: "Office365", client: "mobileAppsAndDesktopClients", platform: "windows", device: "unmanaged" },
    phoneApps: { ...home, app: "Office365", client: "mobileAppsAndDesktopClients", platform: "android", device: "unmanaged" },
    registerMfaPrivate: { ...home, app: "urn:user:registersecurityinfo", client: "browser", platform: "windows", device: "unmanaged" },
    registerMfaLaptop: { ...home, app: "urn:user:registersecurityinfo", client: "browser", platform: "windows", device: "compliant" },
    abroad: { country: "US", ip: "203.0.113.7", risk: "none", app: "Office365", client: "browser", platform: "windows", device: "compliant" },
    oldMail: { ...home, app: "Office365", client: "other", platform: "windows", device: "compliant" },
    deviceCode: { ...home, app: "Office365", client: "browser", platform: "windows", device: "compliant", flow: "deviceCodeFlow" },
  };
}

/** The what-if's answer for one situation: whether it works, and what that means for the person in plain Dutch. */
interface Answer {
  readonly ok: boolean;
  readonly text: string;
}

function inWords(r: WhatIfResult): Answer {
  // a policy that blocks outright, or only a grant that asks for a device the gemeente manages
  const blocks = r.blockedBy.filter((b) => !r.unmetGrants.some((g) => g.policy === b));
  if (blocks.length > 0) return { ok: false, text: "**lukt niet**: de aanmelding wordt geweigerd" };
  if (r.unmetGrants.length > 0) return { ok: false, text: "**lukt niet**: dit kan alleen op een toestel dat de gemeente beheert" };
  const parts: string[] = [];
  if (r.grants.some((g) => g.authenticationStrength || g.controls.includes("mfa"))) parts.push("met de Authenticator-app of een beveiligingssleutel (MFA)");
  const s = r.sessionControls;
  if (s.applicationEnforcedRestrictions) parts.push("alleen in de browser, zonder bestanden te downloaden");
  if (s.signInFrequency && s.signInFrequency !== "everyTime") parts.push(`opnieuw aanmelden na ${s.signInFrequency.value} ${s.signInFrequency.type === "hours" ? "uur" : "dagen"}`);
  if (s.persistentBrowser === "never") parts.push("de browser onthoudt uw aanmelding niet");
  return { ok: true, text: `**lukt**${parts.length ? `, ${parts.join(", ")}` : ""}` };
}

/**
 * The Awingu line: the what-if's answer for the Awingu application (the same client id CA014
 * targets, from the remote-access stack) in the browser on a private computer, for a member of
 * the Awingu users group; empty when the tenant has no Awingu.
 */
function awinguLine(ctx: DocsContext, groups: readonly string[], signIn: WhatIfSignIn): string {
  const t = ctx.tenant;
  const ra = t.remoteAccess;
  const app = ctx.stacks.remoteAccess.awinguAppClientId;
  if (!ra || !app) return "";
  const usersGroup = ra.saml.usersGroup;
  const r = inWords(whatIf(ctx.stacks.conditionalAccess.policies, t, { groups: [...groups, usersGroup] }, { ...signIn, app }));
  return `- De gemeentelijke programma's en uw schijven via **Awingu** op https://${ra.hostname}: ${r.text}.
  U moet daarvoor lid zijn van de groep ${t.groups[usersGroup]?.displayName ?? usersGroup}; vraag dat aan de ICT-dienst.${
    r.ok ? " Alles blijft op de server van de gemeente; er komt niets op uw computer terecht." : ""
  }`;
}

export function teleworkPage(ctx: DocsContext): string {
  const t = ctx.tenant;
  const policies = ctx.stacks.conditionalAccess.policies;
  const country = t.allowedCountries[0];
  const sit = situations(country);
  const staff = t.groups.personeel ? { groups: ["personeel"] } : {};
  const ask = (k: keyof ReturnType<typeof situations>) => inWords(whatIf(policies, t, staff, sit[k]));
  const answer = (k: keyof ReturnType<typeof situations>) => ask(k).text;
  const awingu = awinguLine(ctx, staff.groups ?? [], sit.privateBrowser);
  const registerPrivate = ask("registerMfaPrivate");
  const registerFollowUp = registerPrivate.ok
    ? "Lukt het toch niet, vraag dan de ICT-dienst om hulp."
    : ask("registerMfaLaptop").ok
      ? "Stel MFA daarom in op uw gemeentelijke laptop. Hebt u er geen, dan helpt de ICT-dienst u op een toestel van de gemeente."
      : "Vraag daarvoor de ICT-dienst om hulp.";
  const weak = t.authenticationMethods.keepEnabled;
  const weakNames: Record<(typeof WEAK_AUTH_METHODS)[number], string> = { Sms: "sms", Voice: "telefoonoproep", Email: "e-mailcode" };
  const help = t.helpdesk;

  return `# Thuiswerken bij ${t.displayName}

Deze gids wordt gemaakt uit de instellingen van de gemeente (\`npx werkplek docs\`). Verandert een
regel, dan verandert deze gids mee.

## Twee manieren om van thuis te werken

### Op uw laptop van de gemeente

Uw laptop wordt door de ICT-dienst beheerd (Intune): versleuteld, met virusscanner en updates.
Daarmee kunt u alles wat u ook op het gemeentehuis doet.

- Outlook, Teams en de andere programma's: ${answer("laptopApps")}.
- Werken in de browser: ${answer("laptopBrowser")}.

### Op uw eigen computer

Op een computer die niet van de gemeente is, werkt u **in de browser**:

- Microsoft 365 in de browser (Outlook, Teams, SharePoint): ${answer("privateBrowser")}.
- Outlook, Teams of OneDrive installeren op uw eigen computer: ${answer("privateApps")}.
- De Teams- of Outlook-app op uw eigen gsm: ${answer("phoneApps")}.
${awingu}

## Meervoudige verificatie (MFA) instellen

U meldt zich aan met uw wachtwoord én een tweede bewijs:

1. Installeer **Microsoft Authenticator** op uw gsm. Bij het aanmelden toont het scherm een getal;
   typ dat getal in de app. De app toont ook welke toepassing en welke plaats om uw aanmelding vraagt:
   herkent u die niet, keur dan niet goed en meld het.
2. Of gebruik een **beveiligingssleutel** (FIDO2), die u van de ICT-dienst krijgt.
3. ${
    weak.length
      ? `Ook ${weak.map((w) => weakNames[w.method]).join(" en ")} kan, omdat: ${weak.map((w) => w.reason).join("; ")}.`
      : "Sms, telefoonoproep en e-mailcodes worden niet gebruikt: ze zijn te makkelijk te onderscheppen."
  }

MFA instellen op een eigen computer: ${registerPrivate.text}. ${registerFollowUp}
${passkeyParagraph(policies.find((p) => p.spec.id === "CA015")?.spec.state)}

## Wat niet kan, en waarom

| wat | resultaat | waarom |
| --- | --- | --- |
| aanmelden vanuit het buitenland (buiten ${t.allowedCountries.join(", ")}) | ${answer("abroad")} | bijna alle aanvallen komen van buiten het land; op reis? Vraag het vooraf aan de ICT-dienst |
| oude mailprogramma's (POP, IMAP) | ${answer("oldMail")} | die kunnen geen MFA; een gestolen wachtwoord zou volstaan |
| aanmelden met een code op een ander toestel ("apparaatcode") | ${answer("deviceCode")} | een bekende truc van oplichters om uw aanmelding over te nemen |

${remoteHelpSection(ctx)}
## Hulp nodig?

${
  help
    ? `${help.name}: ${help.email}${help.phone ? `, ${help.phone}` : ""}${help.hours ? ` (${help.hours})` : ""}.`
    : `Neem contact op met de ICT-dienst (${t.tags.owner ?? "zie intranet"}).`
}
Vermoedt u dat iemand uw account gebruikt, of keurde u per ongeluk een aanmelding goed? Meld het
meteen: dan kunnen we uw account blokkeren voor er schade is.
`;
}

/**
 * The passkey rollout (CA015, phishing-resistant MFA for everyone), in the words staff read: what
 * to do before the policy is promoted, and what it means once it is. Nothing while it is absent
 * or disabled.
 */
function passkeyParagraph(state: string | undefined): string {
  const how =
    "open op uw laptop van de gemeente https://aka.ms/mysecurityinfo, kies *Aanmeldmethode toevoegen* en dan\n" +
    "*Passkey in Microsoft Authenticator* (of *Beveiligingssleutel* als u er een van de ICT-dienst kreeg), en\n" +
    "volg de stappen: de QR-code op het scherm scant u met de Authenticator-app op uw gsm.";
  if (state === "enabledForReportingButNotEnforced") {
    return `
### Binnenkort: aanmelden met een passkey

De gemeente stapt over op aanmelden met een **passkey**: een sleutel in Microsoft Authenticator of
een beveiligingssleutel die een valse aanmeldpagina niet kan doorgeven. Nog niet verplicht, maar
registreer er nu een: ${how}
Zodra iedereen een passkey heeft, wordt die verplicht; wie dan nog geen heeft, kan zich niet meer
aanmelden tot de ICT-dienst helpt.
`;
  }
  if (state === "enabled") {
    return `
### Aanmelden met een passkey

U meldt zich aan met een **passkey** (in Microsoft Authenticator of op een beveiligingssleutel) of
met Windows Hello op uw laptop van de gemeente; een code of een goedkeuring in de app volstaat niet
meer. Nog geen passkey, of een nieuwe gsm? Vraag de ICT-dienst een tijdelijke toegangscode en
${how}
`;
  }
  return "";
}
