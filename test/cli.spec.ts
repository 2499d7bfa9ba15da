import { main } from "../cli/main";

function run(...argv: string[]) {
  let out = "";
  let err = "";
  return main(argv, { out: (t) => (out += t), err: (t) => (err += t) }).then((code) => ({ code, out, err }));
}

describe("werkplek CLI", () => {
  test("--help lists the commands; no command is a usage error", async () => {
    expect(await run("--help")).toMatchObject({ code: 0, out: expect.stringContaining("validate") });
    expect((await run()).code).toBe(2);
  });

  test("unknown command: exit 2 naming the commands", async () => {
    const r = await run("deploy");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command "deploy"; commands: .*validate/);
  });

  test("validate: ok on the example; unknown tenant and unknown flag exit 2 with a message", async () => {
    expect(await run("validate")).toMatchObject({ code: 0, out: expect.stringContaining("kraainem") });
    const unknown = await run("validate", "--tenant", "zaventem");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe('werkplek validate: unknown tenant "zaventem" (no tenants/zaventem.yaml); allowed: kraainem\n');
    const flag = await run("validate", "--tennant", "kraainem");
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/--tennant/);
  });

  test("every command has --help", async () => {
    expect(await run("validate", "--help")).toMatchObject({ code: 0, out: expect.stringContaining("Usage: werkplek validate") });
  });
});
