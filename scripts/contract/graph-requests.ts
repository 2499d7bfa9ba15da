/**
 * Prints every Microsoft Graph request the shipped example tenant synthesizes, as JSON
 * (`[{address, apiVersion, operation, method, url, body}]`). The fixture regeneration script
 * (prune-graph-metadata.mjs) runs this to learn what to keep of Graph's metadata:
 *
 *   node -r ./bin/register.js scripts/contract/graph-requests.ts > requests.json
 */
import { graphRequestsOf } from "../../test/contract/requests";
import { buildStacks, synthJson } from "../../test/helpers";

const requests = Object.values(buildStacks()).flatMap((stack) => graphRequestsOf(stack.node.id, synthJson(stack)));
process.stdout.write(JSON.stringify(requests, null, 1) + "\n");
