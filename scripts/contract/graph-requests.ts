/**
 * Prints every Microsoft Graph request the shipped example tenant synthesizes (and those of the
 * optional features it leaves off: test/contract/example-requests.ts), as JSON
 * (`[{address, apiVersion, operation, method, url, body}]`). The fixture regeneration script
 * (prune-graph-metadata.mjs) runs this to learn what to keep of Graph's metadata:
 *
 *   node -r ./bin/register.js scripts/contract/graph-requests.ts > requests.json
 */
import { exampleGraphRequests } from "../../test/contract/example-requests";

// the example tenant, plus the optional features it leaves off (Remote Help)
const requests = exampleGraphRequests();
process.stdout.write(JSON.stringify(requests, null, 1) + "\n");
