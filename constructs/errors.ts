/**
 * The declared configuration cannot be deployed: a value in the tenant file, or the policy data
 * built from it, that Graph, Entra or Azure would reject. It is bad input, not a bug: the app and
 * the CLI print its message without a stack trace and exit 2.
 */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigurationError";
  }
}
