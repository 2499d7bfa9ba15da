import { Construct } from "constructs";
import { WerkplekStack, WerkplekStackProps } from "../constructs/werkplek-stack";

/** `<tenant>-collaboration`: Teams governance and policies. Providers and backend only, until its issue fills it. */
export class CollaborationStack extends WerkplekStack {
  constructor(scope: Construct, props: WerkplekStackProps) {
    super(scope, "collaboration", props);
  }
}
