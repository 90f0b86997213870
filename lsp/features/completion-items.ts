/**
 * How completion choices become items: every item carries the same edit range (the partial word,
 * or the content of the string being typed) and keywords carry their line of documentation.
 * Shared by the completion of each kind of block (completion.ts, completion-commitments.ts).
 */
import { type CompletionItem, CompletionItemKind, InsertTextFormat, type Range } from "vscode-languageserver";
import type { SymbolKind } from "../../compiler/symbols.js";
import type { Checked } from "../documents.js";
import type { Tok } from "./cursor.js";
import { KEYWORD_DOCS } from "./keyword-docs.js";
import { KIND_STYLES } from "./kinds.js";
import type { SnippetNames } from "./snippets.js";

/** How choices are turned into items: the edit range and the names in scope. */
export class Items {
  readonly out: CompletionItem[] = [];
  constructor(
    private readonly range: Range,
    private readonly checked: Checked | null,
  ) {}

  private add(label: string, kind: CompletionItemKind, extra: Partial<CompletionItem> = {}): void {
    const newText = extra.insertText ?? label;
    const { insertText: _, ...rest } = extra;
    this.out.push({ label, kind, textEdit: { range: this.range, newText }, ...rest });
  }

  /** Keywords or fixed phrases (`start on`, `best effort`). */
  words(...words: string[]): this {
    for (const w of words) {
      const first = w.split(" ")[0]!;
      const doc = Object.hasOwn(KEYWORD_DOCS, first) ? KEYWORD_DOCS[first] : undefined;
      this.add(w, CompletionItemKind.Keyword, doc ? { documentation: doc } : {});
    }
    return this;
  }

  /** Declared names of some kinds, minus those already written in the clause. */
  names(kinds: readonly SymbolKind[], except: readonly (Tok | string)[] = []): this {
    const taken = new Set(except.map((t) => (typeof t === "string" ? t : t.image)));
    for (const kind of kinds) {
      for (const e of this.checked?.result.symbols.all(kind) ?? []) {
        if (taken.has(e.name.text)) continue;
        const d = e.decl;
        const text = d.kind === "named" || d.kind === "exclude" ? d.text?.value : "title" in d ? d.title?.value : undefined;
        this.add(e.name.text, KIND_STYLES[kind].completion, { detail: KIND_STYLES[kind].noun, ...(text ? { documentation: text } : {}) });
      }
    }
    return this;
  }

  /** Values (zones, codes): quoted unless the cursor is already inside the string. */
  values(choices: readonly { value: string; detail?: string }[], quote: boolean): this {
    for (const c of choices) {
      this.add(c.value, CompletionItemKind.Value, {
        filterText: c.value,
        insertText: quote ? `"${c.value}"` : c.value,
        ...(c.detail ? { detail: c.detail } : {}),
      });
    }
    return this;
  }

  /**
   * Names of the declarations the symbol table does not hold (availability commitments and
   * objectives are named only for examples and reports), from the latest check's AST.
   */
  declarations(kind: "availability" | "objective"): this {
    for (const d of this.checked?.result.ast.decls ?? []) {
      if (d.kind !== kind || !d.name) continue;
      this.add(d.name.text, CompletionItemKind.Reference, { detail: kind, ...(d.title ? { documentation: d.title.value } : {}) });
    }
    return this;
  }

  /**
   * Kinds of declarations the latest check found outside `offset` (the one being edited there
   * does not count): a policy has one `credits`, `fees` and `period` (SLA103 for a second).
   */
  declaredElsewhere(offset: number): Set<string> {
    const kinds = new Set<string>();
    for (const d of this.checked?.result.ast.decls ?? []) if (offset < d.span.start || offset > d.span.end) kinds.add(d.kind);
    return kinds;
  }

  /** The values of an enumerated field (`field product { x … }`), when `name` is one. */
  fieldValues(name: string): this {
    for (const d of this.checked?.result.ast.decls ?? []) {
      if (d.kind !== "field" || d.name?.text !== name) continue;
      for (const v of d.values) this.add(v.name.text, CompletionItemKind.EnumMember, { detail: `value of ${name}`, ...(v.text ? { documentation: v.text.value } : {}) });
    }
    return this;
  }

  /** Whether `name` is a declared enumerated field (its values follow it in a condition). */
  isField(name: string): boolean {
    return this.checked?.result.symbols.names("field").includes(name) ?? false;
  }

  /** Units after a number: the singular after `1`, as contracts write `1 hour` and `4 hours`. */
  units(count: string, plural: readonly string[]): this {
    return this.words(...(count === "1" ? plural.map((u) => u.replace(/s$/, "")) : plural));
  }

  snippet(label: string, body: string, detail: string): this {
    this.add(label, CompletionItemKind.Snippet, { insertText: body, insertTextFormat: InsertTextFormat.Snippet, detail });
    return this;
  }

  raw(items: readonly CompletionItem[]): this {
    this.out.push(...items.map((i) => ({ ...i, textEdit: { range: this.range, newText: i.insertText ?? i.label } })));
    return this;
  }

  snippetNames(): SnippetNames {
    const names = (k: SymbolKind) => this.checked?.result.symbols.names(k) ?? [];
    return { plans: names("plan"), priorities: names("priority"), roles: names("role"), targets: names("target"), calendars: names("calendar") };
  }
}

/** Images of a clause's tokens, and its last one. */
export function shape(stmt: readonly Tok[]): { w: string[]; last: string | undefined; lastType: string | undefined } {
  const w = stmt.map((t) => t.image);
  return { w, last: w[w.length - 1], lastType: stmt[stmt.length - 1]?.type };
}

