import { defineRule, verdict } from "../rule";
import { blocks } from "../../stacks/synthesized";

export default defineRule({
  id: "WP-NET-005",
  level: "warning",
  title: "The application gateway serves HTTPS only (HTTP only redirects)",
  explanation: "Credentials typed into a portal served over HTTP travel in clear text.",
  fix: 'Use protocol "Https" on listeners; a listener on HTTP may only be routed to a redirect_configuration to HTTPS.',
  controls: ["CKV_AZURE_217"],
  check: (ctx) =>
    ctx.resources("azurerm_application_gateway").map((r) => {
      const redirected = new Set(
        blocks(r.body.request_routing_rule).filter((rr) => rr.redirect_configuration_name).map((rr) => rr.http_listener_name),
      );
      const plain = blocks(r.body.http_listener).filter((l) => String(l.protocol).toLowerCase() === "http" && !redirected.has(l.name));
      return verdict(r, plain.map((l) => `listener "${l.name}" serves HTTP without redirecting`));
    }),
});
