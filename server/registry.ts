/**
 * The policies a server serves: every `*.sla` file of one folder, compiled, keyed by its file
 * name without `.sla`. A file that changes is compiled again; when the new text has errors the
 * last good version keeps serving and the entry carries the new text's diagnostics, so a broken
 * edit never takes a policy offline. Watching is `fs.watch` on the folder with a debounce
 * (editors write a file in several steps: truncate, write, rename).
 */
import { createHash } from "node:crypto";
import { type FSWatcher, readdirSync, readFileSync, watch } from "node:fs";
import { basename, join } from "node:path";
import { compile, renderJson, renderText } from "../compiler/api.js";
import type { PolicyIR } from "../runtime/ir.js";

/** A diagnostic as `sla check --format json` writes it. */
export type DiagnosticJson = Record<string, unknown>;

/** One served policy: the last good IR and what the current file says. */
export interface PolicyEntry {
  readonly id: string;
  readonly file: string;
  /** The policy's title from the last good version; `null` when it has none. */
  readonly title: string | null;
  /** SHA-256 of the text that is serving (the last good version), hex. */
  readonly hash: string;
  /** The IR serving requests; `null` when the file never compiled. */
  readonly ir: PolicyIR | null;
  /** `ok` when the file on disk is what serves; `errors` when its text does not compile. */
  readonly status: "ok" | "errors";
  /** Diagnostics of the file on disk (warnings too); errors mean the last good version still serves. */
  readonly diagnostics: readonly DiagnosticJson[];
}

/** What the registry tells its owner (the server logs it). */
export interface RegistryLog {
  info(message: string): void;
  warn(message: string): void;
}

/** A policy id is its file name without `.sla`: letters, digits, `-`, `_` and `.` only, so it is safe in a URL path. */
export const POLICY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The served policies of one folder, reloaded when their files change. */
export class PolicyRegistry {
  private readonly entries = new Map<string, PolicyEntry>();
  /** The text last compiled per id, so an unchanged file (a touch, a second event) is not compiled again. */
  private readonly lastText = new Map<string, string>();
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners: Array<() => void> = [];

  constructor(
    readonly dir: string,
    private readonly log: RegistryLog,
    /** Quiet time after the last change before the folder is read again. */
    private readonly debounceMs = 100,
  ) {}

  /** Every entry, by id. */
  list(): PolicyEntry[] {
    return [...this.entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  get(id: string): PolicyEntry | undefined {
    return this.entries.get(id);
  }

  /** Call `listener` after every reload (tests wait on it instead of sleeping). */
  onReload(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Read the folder: compile new and changed files, drop deleted ones. */
  reload(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => n.endsWith(".sla") && POLICY_ID.test(n.slice(0, -4)));
    } catch (e) {
      this.log.warn(`cannot read policies folder \`${this.dir}\`: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return;
    }
    const seen = new Set<string>();
    for (const name of names) {
      const id = name.slice(0, -4);
      seen.add(id);
      this.load(id, join(this.dir, name));
    }
    for (const id of [...this.entries.keys()]) {
      if (!seen.has(id)) {
        this.entries.delete(id);
        this.lastText.delete(id);
        this.log.info(`policy \`${id}\` removed`);
      }
    }
    for (const l of this.listeners) l();
  }

  private load(id: string, file: string): void {
    let text: string;
    try {
      text = readFileSync(file, "utf8").replace(/^\ufeff/, "");
    } catch {
      return; // deleted or being replaced between the listing and the read: the next event reloads it
    }
    if (this.lastText.get(id) === text) return;
    this.lastText.set(id, text);
    const result = compile(basename(file), text);
    const diagnostics = result.diagnostics.map((d) => renderJson(d, result.file));
    const previous = this.entries.get(id);
    if (result.ir) {
      this.entries.set(id, { id, file, title: result.ir.title, hash: sha256(text), ir: result.ir, status: "ok", diagnostics });
      this.log.info(`policy \`${id}\` ${previous ? "reloaded" : "loaded"}`);
      return;
    }
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    this.entries.set(id, {
      id,
      file,
      title: previous?.title ?? null,
      hash: previous?.hash ?? sha256(text),
      ir: previous?.ir ?? null,
      status: "errors",
      diagnostics,
    });
    const rendered = errors.map((d) => renderText(d, result.file, { color: false })).join("\n");
    this.log.warn(`policy \`${id}\` has errors; ${previous?.ir ? "the last good version keeps serving" : "it is not served"}\n${rendered}`);
  }

  /** Watch the folder; changes are read after {@link debounceMs} of quiet. */
  watch(): void {
    if (this.watcher) return;
    this.watcher = watch(this.dir, { persistent: false }, () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.reload();
      }, this.debounceMs);
    });
    this.watcher.on("error", (e) => this.log.warn(`watching \`${this.dir}\` stopped: ${e.message}`));
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
