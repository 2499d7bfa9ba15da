/**
 * "Hulp op afstand": the telework guide's section on remote support and the identity page's list
 * of who holds the remote-support roles, both from the tenant file's `devices.remoteHelp` and the
 * role assignments the devices stack made of it.
 *
 * What staff are told follows Microsoft's descriptions: Remote Help (memdocs
 * fundamentals/remote-help.md and remote-help-windows.md: both sides sign in with the
 * organisation's account, the sharer sees who helps and accepts, view first, full control only when
 * allowed, unenrolled devices only when the tenant allows them); Quick Assist ("Snelle hulp" in
 * Dutch Windows; Ctrl+Windows+Q; the person helped enters the helper's security code and allows
 * screen sharing).
 */
import { DocsContext } from "./context";
import { table } from "./markdown";

/** Display names of group keys, in the tenant file's order. */
function names(ctx: DocsContext, keys: readonly string[]): string {
  return keys.map((k) => ctx.tenant.groups[k]?.displayName ?? k).join(", ");
}

/** How staff reach the helpdesk, one line; the tenant's `helpdesk` or the ICT owner tag. */
function contact(ctx: DocsContext): { who: string; line: string; phone?: string } {
  const h = ctx.tenant.helpdesk;
  if (!h) return { who: "de ICT-dienst", line: `de ICT-dienst (${ctx.tenant.tags.owner ?? "zie intranet"})` };
  return { who: h.name, line: `${h.name}: ${h.email}${h.phone ? `, ${h.phone}` : ""}${h.hours ? ` (${h.hours})` : ""}`, phone: h.phone };
}

/** Remote Help is on and the devices stack made its role assignments. */
export function remoteHelpOn(ctx: DocsContext): boolean {
  return !!ctx.tenant.devices?.remoteHelp.enabled && !!ctx.stacks.devices.remoteHelpAssignments.helpdesk;
}

/** The telework guide's section "Hulp op afstand". */
export function remoteHelpSection(ctx: DocsContext): string {
  return remoteHelpOn(ctx) ? remoteHelpGuide(ctx) : quickAssistGuide(ctx);
}

function remoteHelpGuide(ctx: DocsContext): string {
  const r = ctx.tenant.devices!.remoteHelp;
  const c = contact(ctx);
  const rows: string[][] = [[names(ctx, r.helpdeskGroups), "uw scherm zien; uw muis en toetsenbord overnemen als u dat toestaat"]];
  if (r.elevationGroups.length) rows.push([names(ctx, r.elevationGroups), "ook vragen om beheerdersrechten beantwoorden (bijvoorbeeld om software te installeren)"]);
  const unenrolled = r.unenrolledDevices;
  const privateComputer = unenrolled.allowed
    ? `Ook op uw eigen computer kan de helpdesk helpen: installeer de app Remote Help (https://aka.ms/downloadremotehelp) en meld u aan met uw account van de gemeente. De gemeente staat dat toe omdat: ${unenrolled.reason}. Op uw eigen computer ziet de helpdesk alles wat op uw scherm staat: sluit eerst privévensters en -documenten. De gemeente beheert uw computer niet; de helpdesk installeert er alleen iets als u dat vraagt.`
    : "Op uw eigen computer helpt de helpdesk niet met Remote Help: de gemeente beheert die computer niet en kijkt er niet op mee. Lukt iets niet in de browser, bel dan de helpdesk: zij zoeken het met u uit zonder uw computer over te nemen.";
  return `## Hulp op afstand

Loopt er thuis iets mis op uw laptop, neem dan contact op met ${c.line}. De helpdesk kan met
**Remote Help** (Hulp op afstand, van Microsoft) op uw scherm meekijken. Zo gaat het:

1. U vraagt zelf om hulp. De helpdesk start een sessie vanuit Intune, of vraagt u de app Remote Help te openen en een code door te geven.
2. Op uw scherm verschijnt wie u wil helpen: naam, functie en organisatie. **U aanvaardt elke sessie zelf**; zonder uw toestemming kijkt niemand mee.
3. Eerst ziet de helpdesk alleen uw scherm. Uw muis en toetsenbord overnemen kan pas als u dat toestaat. U kunt de sessie op elk moment beëindigen.
4. ${r.chat ? "Tijdens de sessie kan de helpdesk u berichten sturen in het chatvenster van Remote Help." : "Remote Help heeft geen chat: de helpdesk belt u tijdens de sessie."}

Wie u zo kan helpen, en wat ze mogen:

${table(["wie", "wat"], rows)}

Alleen wie een account van de gemeente heeft, kan zo helpen: beide kanten melden zich aan met hun
account van de gemeente. Intune houdt bij wie wie hielp, op welk toestel en hoe lang. Belt iemand u
onverwacht om mee te kijken, of vraagt iemand uw wachtwoord of een code uit de Authenticator-app:
hang op en bel zelf ${c.who}.

### Op uw laptop van de gemeente, of op uw eigen computer

- Op uw **laptop van de gemeente** helpt de helpdesk met Remote Help, zoals hierboven.
- ${privateComputer}
`;
}

function quickAssistGuide(ctx: DocsContext): string {
  const c = contact(ctx);
  const call = c.phone ? `op ${c.phone}` : "op het nummer op het intranet";
  return `## Hulp op afstand

De gemeente gebruikt (nog) geen beheerde hulp op afstand (Intune Remote Help). Moet ${c.who} uw
scherm zien, dan gebruikt u **Snelle hulp** (Quick Assist), dat in Windows zit. Dat werkt op uw
laptop van de gemeente en op een eigen Windows-computer.

1. **U belt zelf** ${c.who} ${call}.
2. Open Snelle hulp: druk Ctrl + Windows-toets + Q, of zoek "Snelle hulp" in het Startmenu. Kies **Help krijgen**.
3. Typ de beveiligingscode die de helpdesk u **in dat gesprek** geeft.
4. Snelle hulp toont wie wil meekijken. Klik alleen op **Toestaan** als dat de medewerker is met wie u op dat moment belt.
5. U ziet alles wat de helpdesk doet en kunt altijd stoppen (**Delen stoppen**). Op een eigen computer ziet de helpdesk alles wat op uw scherm staat: sluit eerst privévensters.

### Zo herkent u oplichters

Oplichters bellen of mailen als "Microsoft" of "de ICT-dienst" en laten u Snelle hulp openen om uw
computer over te nemen. Daarom:

- De helpdesk belt u **nooit onverwacht** om uw computer over te nemen. Belt iemand u, of ziet u een melding "uw computer is besmet, bel dit nummer": hang op, klik niets aan en bel zelf ${c.who} ${call}.
- De helpdesk vraagt **nooit** uw wachtwoord of een code uit de Authenticator-app.
- Voor de helpdesk een code geeft, controleert ze wie u bent: ze belt u terug op uw nummer dat bij de gemeente bekend is, of via Teams met uw account van de gemeente.
- De code komt alleen van de helpdesk, in het gesprek dat u zelf begon. Krijgt u een code van iemand anders: niet gebruiken.
- Twijfelt u tijdens een sessie, klik dan op **Delen stoppen** en bel de helpdesk opnieuw.
`;
}

/** The identity page's section: who holds the remote-support roles. */
export function remoteSupportRolesSection(ctx: DocsContext): string {
  const t = ctx.tenant;
  const intuneAdmins = Object.entries(t.adminRoles)
    .filter(([, roles]) => roles.includes("Intune Administrator"))
    .map(([key]) => key);
  const admins = intuneAdmins.length
    ? `\n\nDaarnaast kan wie de Entra-rol Intune Administrator heeft (${names(ctx, intuneAdmins)}) alles in Intune, dus ook Remote Help gebruiken; houd die groepen klein.`
    : "";
  if (!remoteHelpOn(ctx)) {
    return `## Hulp op afstand

Intune Remote Help staat uit (\`devices.remoteHelp.enabled\` in \`tenants/${t.name}.yaml\`): de code geeft
niemand een rol voor hulp op afstand. De helpdesk helpt met Snelle hulp (Quick Assist), die de
medewerker zelf start (zie de telewerkgids).
`;
  }
  const r = t.devices!.remoteHelp;
  const scope = [...(r.deviceGroups ?? [t.devices!.groups.laptops]), ...(r.unenrolledDevices.allowed ? r.unenrolledDevices.userGroups : [])];
  const rows = [[`${t.devices!.displayNamePrefix} - Hulp op afstand`, names(ctx, r.helpdeskGroups), "sessie aanbieden, scherm zien, overnemen als de medewerker toestaat", names(ctx, [...new Set(scope)])]];
  if (r.elevationGroups.length) {
    rows.push([`${t.devices!.displayNamePrefix} - Hulp op afstand met beheerdersrechten`, names(ctx, r.elevationGroups), "dezelfde, en beheerdersvragen (UAC) beantwoorden", names(ctx, [...new Set(scope)])]);
  }
  return `## Hulp op afstand

Intune Remote Help staat aan. Wie een sessie mag starten, met welke rechten en op welke toestellen
(Intune-rollen van de stack \`${t.name}-devices\`; niemand krijgt een sessie zonder dat de medewerker
aanvaardt):

${table(["Intune-rol", "groepen", "mag", "op toestellen en gebruikers van"], rows)}

Sessies naar computers die Intune niet beheert: ${r.unenrolledDevices.allowed ? `toegestaan, omdat: ${r.unenrolledDevices.reason}` : "niet toegestaan"}.${admins}
`;
}
