/**
 * The playground at `/`: a policy in a CodeMirror editor with `.sla` highlighting and the
 * checker's diagnostics as lint marks (`POST /v1/check`), a ticket picked from the examples or
 * written by hand, and, on every change, the result and its timeline (`POST /v1/try`). Hovering
 * a target's row shows its goal clause and marks that line in the editor.
 */
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { type Diagnostic as LintDiagnostic, linter, lintGutter } from "@codemirror/lint";
import { EditorState, StateEffect, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, highlightActiveLine, keymap, lineNumbers } from "@codemirror/view";
import { check, type Examples, examples, type TryResult, tryTicket } from "./api.js";
import { slaLanguage } from "./sla-language.js";

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** The editor line a hovered target's clause is on (0: none). */
const markClause = StateEffect.define<number>();
const clauseLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const e of tr.effects) {
      if (!e.is(markClause)) continue;
      if (e.value < 1 || e.value > tr.state.doc.lines) return Decoration.none;
      return Decoration.set([Decoration.line({ class: "cm-clause" }).range(tr.state.doc.line(e.value).from)]);
    }
    return tr.docChanged ? Decoration.none : marks.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** The checker's diagnostics as lint marks; the count goes to the status line. */
const checkSource = linter(
  async (view): Promise<LintDiagnostic[]> => {
    const text = view.state.doc.toString();
    if (text.trim() === "") return [];
    let found;
    try {
      found = await check(text);
    } catch (e) {
      setStatus(`check failed: ${(e as Error).message}`, "error");
      return [];
    }
    const errors = found.diagnostics.filter((d) => d.severity === "error").length;
    $("diagnostics").textContent = errors === 0 ? "no errors" : `${errors} error${errors === 1 ? "" : "s"}`;
    $("diagnostics").dataset["errors"] = String(errors);
    const end = view.state.doc.length;
    return found.diagnostics.map((d) => ({
      from: Math.min(d.offset, end),
      to: Math.min(d.offset + Math.max(d.length, 0), end),
      severity: d.severity,
      message: `${d.code}: ${d.message}${d.help ? `\nhelp: ${d.help}` : ""}`,
    }));
  },
  { delay: 300 },
);

const editor = new EditorView({
  parent: $("editor"),
  state: EditorState.create({
    doc: "",
    extensions: [
      lineNumbers(),
      history(),
      highlightActiveLine(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      slaLanguage,
      syntaxHighlighting(defaultHighlightStyle),
      checkSource,
      lintGutter(),
      clauseLine,
      EditorView.updateListener.of((u) => {
        if (u.docChanged) schedule();
      }),
    ],
  }),
});

function setStatus(text: string, kind: "ok" | "error" | "info" = "info"): void {
  const el = $("status");
  el.textContent = text;
  el.className = `status ${kind}`;
}

let timer: number | undefined;
/** Evaluate after a pause in typing. */
function schedule(): void {
  window.clearTimeout(timer);
  timer = window.setTimeout(() => void run(), 400);
}

const el = (tag: string, text?: string, attrs: Record<string, string> = {}): HTMLElement => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};

function showResult(r: TryResult): void {
  const out = $("result");
  // While the policy or the ticket is broken, the last result and timeline stay, greyed out.
  const stale = r.result === null;
  out.classList.toggle("stale", stale);
  $("timeline").classList.toggle("stale", stale);
  if (r.svg !== null) $("timeline").innerHTML = r.svg;
  if (r.error) setStatus(`ticket: ${r.error.field}: ${r.error.message}`, "error");
  else if (!r.result) setStatus("the policy has errors: fix them to evaluate", "error");
  else setStatus(`evaluated ${r.result.id} as of ${r.result.asOf}`, "ok");
  if (!r.result) return;
  out.replaceChildren();
  const table = el("table");
  table.append(el("tr", undefined));
  table.firstElementChild!.append(el("th", "target"), el("th", "goal"), el("th", "status"), el("th", "due"));
  for (const t of r.result.targets) {
    const clause = t.trace?.clause ?? null;
    const row = el("tr", undefined, { class: `target ${t.status}`, title: clause ? `line ${clause.line}: ${clause.text}` : "no goal clause applies" });
    row.append(el("td", t.name), el("td", t.goal), el("td", t.status, { class: "status-cell" }), el("td", t.due ?? "—"));
    row.addEventListener("mouseenter", () => {
      const line = clause && clause.line <= editor.state.doc.lines ? clause.line : 0;
      // The clause may be far down the file: bring it into view beside the mark.
      editor.dispatch({ effects: line === 0 ? markClause.of(0) : [markClause.of(line), EditorView.scrollIntoView(editor.state.doc.line(line).from, { y: "center" })] });
    });
    row.addEventListener("mouseleave", () => editor.dispatch({ effects: markClause.of(0) }));
    table.append(row);
  }
  out.append(table);
  if (r.result.escalations.length > 0) {
    const list = el("ul", undefined, { class: "escalations" });
    for (const e of r.result.escalations) list.append(el("li", `${e.to} at ${e.at} (after ${e.after})`));
    out.append(el("h3", "escalations"), list);
  }
  out.append(el("p", r.result.credit ? `service credit: ${r.result.credit.percent} %` : "no service credit", { class: "credit" }));
  const raw = el("details");
  raw.append(el("summary", "result JSON"), el("pre", JSON.stringify(r.result, null, 2)));
  out.append(raw);
}

async function run(): Promise<void> {
  const policy = editor.state.doc.toString();
  let ticket: unknown;
  try {
    ticket = JSON.parse(($("ticket") as HTMLTextAreaElement).value);
  } catch (e) {
    setStatus(`ticket: invalid JSON (${(e as Error).message})`, "error");
    return;
  }
  try {
    showResult(await tryTicket(policy, ticket));
  } catch (e) {
    setStatus((e as Error).message, "error");
  }
}

let bundled: Examples = { policies: {} };

function pickTicket(index: number): void {
  const id = ($("policy") as HTMLSelectElement).value;
  const t = bundled.policies[id]?.tickets[index];
  if (t !== undefined) ($("ticket") as HTMLTextAreaElement).value = JSON.stringify(t, null, 2);
  void run();
}

function pickPolicy(id: string): void {
  const p = bundled.policies[id];
  if (!p) return;
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: p.text } });
  const select = $("ticket-pick") as HTMLSelectElement;
  select.replaceChildren(...p.tickets.map((t, i) => el("option", `${(t as { id?: string }).id ?? `ticket ${i + 1}`}`, { value: String(i) })));
  pickTicket(0);
}

async function start(): Promise<void> {
  bundled = await examples();
  const select = $("policy") as HTMLSelectElement;
  select.replaceChildren(...Object.keys(bundled.policies).map((id) => el("option", id, { value: id })));
  select.addEventListener("change", () => pickPolicy(select.value));
  ($("ticket-pick") as HTMLSelectElement).addEventListener("change", (e) => pickTicket(Number((e.target as HTMLSelectElement).value)));
  $("ticket").addEventListener("input", schedule);
  pickPolicy(select.value);
}

void start();
