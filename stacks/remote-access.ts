import { Construct } from "constructs";
import { WerkplekStack, WerkplekStackProps } from "../constructs/werkplek-stack";

/** `<tenant>-remote-access`: the Awingu gateway VM. Providers and backend only, until its issue fills it. */
export class RemoteAccessStack extends WerkplekStack {
  constructor(scope: Construct, props: WerkplekStackProps) {
    super(scope, "remote-access", props);
  }
}
