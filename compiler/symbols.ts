/**
 * Name resolution: every declared name by kind, duplicates reported once, and lookups that
 * report unknown names with a did-you-mean suggestion (carried as a fix for the editor).
 */
import type * as A from "./ast.js";
import { type DiagnosticBag, didYouMean } from "./diagnostic.js";
import type { Span } from "../grammar/source.js";

export type SymbolKind =
  | "plan"
  | "priority"
  | "role"
  | "channel"
  | "work"
  | "obligation"
  | "calendar"
  | "region"
  | "target"
  | "cause"
  | "field"
  | "flag"
  | "event";

export interface SymbolEntry {
  readonly kind: SymbolKind;
  readonly name: A.Name;
  readonly decl: A.Decl;
}

/** A use of a name, recorded for find-references and rename. */
export interface Reference {
  readonly kind: SymbolKind;
  readonly name: A.Name;
}

/** Names every JavaScript object already has (`constructor`, `__proto__`, `toString`…). */
const RESERVED: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);

export class SymbolTable {
  private readonly byKind = new Map<SymbolKind, Map<string, SymbolEntry>>();
  readonly references: Reference[] = [];

  constructor(private readonly diagnostics: DiagnosticBag) {}

  declare(kind: SymbolKind, name: A.Name | null, decl: A.Decl): void {
    if (!name) return;
    if (RESERVED.has(name.text)) {
      this.diagnostics.error("SLA105", name.span, `\`${name.text}\` cannot name a ${kind}`, {
        help: "it is a property of every JavaScript object, so tools reading the compiled policy would confuse the two: choose another name",
      });
      return;
    }
    const table = this.table(kind);
    const first = table.get(name.text);
    if (first) {
      this.diagnostics.error("SLA102", name.span, `duplicate ${kind} \`${name.text}\``, {
        labels: [{ span: first.name.span, message: `\`${name.text}\` first declared here` }],
        help: `rename one of them or remove the duplicate`,
      });
      return;
    }
    table.set(name.text, { kind, name, decl });
  }

  /** All entries of a kind, in declaration order. */
  all(kind: SymbolKind): SymbolEntry[] {
    return [...this.table(kind).values()];
  }

  names(kind: SymbolKind): string[] {
    return [...this.table(kind).keys()];
  }

  has(kind: SymbolKind, name: string): boolean {
    return this.table(kind).has(name);
  }

  get(kind: SymbolKind, name: string): SymbolEntry | undefined {
    return this.table(kind).get(name);
  }

  /**
   * Resolve a use; reports SLA101 with a suggestion when the name is unknown. `notSuggested`
   * keeps a name out of the suggestions (a plan's own name in its `extends`).
   */
  resolve(kind: SymbolKind, name: A.Name | null, notSuggested?: string): SymbolEntry | null {
    if (!name) return null;
    const entry = this.table(kind).get(name.text);
    if (entry) {
      this.references.push({ kind, name });
      return entry;
    }
    this.reportUnknown(kind, name.text, name.span, notSuggested);
    return null;
  }

  reportUnknown(kind: SymbolKind, text: string, span: Span, notSuggested?: string): void {
    const candidates = this.names(kind);
    const suggestion = didYouMean(text, candidates.filter((c) => c !== notSuggested));
    const plural = kind === "priority" ? "priorities" : `${kind}s`;
    const listed = candidates.length === 0 ? `no ${kind} is declared` : `declared ${plural}: ${candidates.map((c) => `\`${c}\``).join(", ")}`;
    this.diagnostics.error("SLA101", span, `unknown ${kind} \`${text}\``, {
      help: suggestion ? `did you mean \`${suggestion}\`?` : listed,
      ...(suggestion ? { fixes: [{ title: `change to \`${suggestion}\``, edits: [{ span, newText: suggestion }] }] } : {}),
    });
  }

  private table(kind: SymbolKind): Map<string, SymbolEntry> {
    let t = this.byKind.get(kind);
    if (!t) {
      t = new Map();
      this.byKind.set(kind, t);
    }
    return t;
  }
}

/** Enter every declaration of a file. */
export function collectSymbols(file: A.PolicyFile, diagnostics: DiagnosticBag): SymbolTable {
  const symbols = new SymbolTable(diagnostics);
  for (const d of file.decls) {
    switch (d.kind) {
      case "named":
        symbols.declare(d.what, d.name, d);
        break;
      case "calendar":
        symbols.declare("calendar", d.name, d);
        break;
      case "region":
        symbols.declare("region", d.name, d);
        break;
      case "target":
        symbols.declare("target", d.name, d);
        break;
      case "field":
        symbols.declare("field", d.name, d);
        break;
      default:
        break;
    }
  }
  // After every `cause x "…"` line, wherever it is written: `exclude cause x` declares the cause
  // only when no such line does.
  for (const d of file.decls) {
    if (d.kind === "exclude" && d.what === "cause" && !(d.name && symbols.get("cause", d.name.text)?.decl.kind === "named")) symbols.declare("cause", d.name, d);
  }
  return symbols;
}
