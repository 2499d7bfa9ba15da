import { Construct } from "constructs";
import { WerkplekStack, WerkplekStackProps } from "../constructs/werkplek-stack";

/** `<tenant>-devices`: Intune device profiles. Providers and backend only, until its issue fills it. */
export class DevicesStack extends WerkplekStack {
  constructor(scope: Construct, props: WerkplekStackProps) {
    super(scope, "devices", props);
  }
}
