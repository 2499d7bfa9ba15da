import { Construct } from "constructs";
import { WerkplekStack, WerkplekStackProps } from "../constructs/werkplek-stack";

/** `<tenant>-state`: the remote state storage account. Providers and backend only, until its issue fills it. */
export class StateStack extends WerkplekStack {
  constructor(scope: Construct, props: WerkplekStackProps) {
    super(scope, "state", props);
  }
}
