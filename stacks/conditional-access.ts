import { Construct } from "constructs";
import { WerkplekStack, WerkplekStackProps } from "../constructs/werkplek-stack";

/** `<tenant>-conditional-access`: conditional access policies (issue: conditional access). Providers and backend only, until its issue fills it. */
export class ConditionalAccessStack extends WerkplekStack {
  constructor(scope: Construct, props: WerkplekStackProps) {
    super(scope, "conditional-access", props);
  }
}
