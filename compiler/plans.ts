/**
 * Plans and their inheritance ("Platinum, on top of Gold"): a plan that extends another takes
 * its parent's goal column, region calendar, escalations and credits wherever it has none of
 * its own. The compiler expands this, so the IR and the runtime never see inheritance.
 */
import type * as A from "./ast.js";
import type { CheckContext } from "./context.js";

export class Plans {
  /** plan → parent plan */
  private readonly parents = new Map<string, string>();

  constructor(ctx: CheckContext) {
    for (const entry of ctx.symbols.all("plan")) {
      const decl = entry.decl as A.NamedDecl;
      if (decl.parent && ctx.symbols.resolve("plan", decl.parent, entry.name.text)) this.parents.set(entry.name.text, decl.parent.text);
    }
    for (const entry of ctx.symbols.all("plan")) {
      const seen = new Set<string>();
      for (let p: string | undefined = entry.name.text; p !== undefined; p = this.parents.get(p)) {
        if (seen.has(p)) {
          const decl = entry.decl as A.NamedDecl;
          const path = [...seen];
          const cycle = [...path.slice(path.indexOf(p)), p].map((n) => `\`${n}\``).join(" → ");
          ctx.diagnostics.error("SLA104", decl.parent?.span ?? entry.name.span, `plan \`${entry.name.text}\` extends itself: ${cycle}`, {
            help: "remove `extends` from one plan of the cycle",
          });
          this.parents.delete(entry.name.text);
          break;
        }
        seen.add(p);
      }
    }
    for (const entry of ctx.symbols.all("priority").concat(ctx.symbols.all("role"), ctx.symbols.all("channel"), ctx.symbols.all("work"), ctx.symbols.all("obligation"), ctx.symbols.all("flag"), ctx.symbols.all("event"))) {
      const decl = entry.decl as A.NamedDecl;
      if (decl.parent) {
        ctx.diagnostics.error("SLA103", decl.parent.span, `only plans extend other plans, not a ${decl.what}`, { help: "remove `extends …`" });
      }
    }
  }

  /** The plan, its parent, its grandparent… */
  chain(plan: string): string[] {
    const out: string[] = [];
    for (let p: string | undefined = plan; p !== undefined && !out.includes(p); p = this.parents.get(p)) out.push(p);
    return out;
  }

  /** The first value along the plan's chain. */
  lookup<T>(plan: string, values: ReadonlyMap<string, T>): T | undefined {
    for (const p of this.chain(plan)) {
      const v = values.get(p);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** Listed plans plus every plan that inherits from one of them without being listed itself. */
  expand(listed: readonly string[], all: readonly string[]): string[] {
    const set = new Set(listed);
    return all.filter((p) => this.chain(p).some((q) => set.has(q)));
  }
}
