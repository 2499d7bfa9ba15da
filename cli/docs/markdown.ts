/** Small Markdown and Mermaid writers; every generated page goes through these, so escaping is in one place. */

export function table(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => String(v).replace(/\|/g, "\\|").replace(/\n/g, " ");
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");
}

export interface MermaidNode {
  readonly id: string;
  readonly label: string;
  /** `box` [..], `round` (..), `db` [(..)], `hex` {{..}} */
  readonly shape?: "box" | "round" | "db" | "hex";
}
export interface MermaidEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly dotted?: boolean;
}
export interface MermaidSubgraph {
  readonly id: string;
  readonly label: string;
  readonly nodes: readonly MermaidNode[];
}

/**
 * Node ids of one diagram: each distinct name gets its own id (`prefix` and a counter, in the
 * order names are first asked for), so names that differ only in punctuation, case or accents
 * ("A-B" and "A_B", "Financiën" and "Financien") never merge into one node. Make one per diagram.
 */
export class MermaidIds {
  private readonly ids = new Map<string, string>();
  constructor(private readonly prefix = "n") {}

  of(name: string): string {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = `${this.prefix}${this.ids.size}`;
      this.ids.set(name, id);
    }
    return id;
  }
}

function label(s: string): string {
  return `"${s.replace(/"/g, "#quot;")}"`;
}

function node(n: MermaidNode): string {
  const l = label(n.label);
  switch (n.shape ?? "box") {
    case "round":
      return `${n.id}(${l})`;
    case "db":
      return `${n.id}[(${l})]`;
    case "hex":
      return `${n.id}{{${l}}}`;
    default:
      return `${n.id}[${l}]`;
  }
}

/** A Mermaid flowchart in a fenced block (GitHub renders it). */
export function flowchart(
  direction: "LR" | "TD",
  nodes: readonly MermaidNode[],
  edges: readonly MermaidEdge[],
  subgraphs: readonly MermaidSubgraph[] = [],
): string {
  const lines = [`flowchart ${direction}`];
  for (const sg of subgraphs) {
    lines.push(`  subgraph ${sg.id}[${label(sg.label)}]`);
    for (const n of sg.nodes) lines.push(`    ${node(n)}`);
    lines.push("  end");
  }
  for (const n of nodes) lines.push(`  ${node(n)}`);
  for (const e of edges) {
    const arrow = e.dotted ? "-.->" : "-->";
    lines.push(e.label ? `  ${e.from} ${arrow}|${label(e.label)}| ${e.to}` : `  ${e.from} ${arrow} ${e.to}`);
  }
  return "```mermaid\n" + lines.join("\n") + "\n```";
}

/** The Mermaid blocks of a Markdown page, for the parse test. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
}
