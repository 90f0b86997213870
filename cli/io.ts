import { once } from "node:events";

/** What commands need from the process, so tests can run them in-process. */
export interface Io {
  out(text: string): void;
  /** Write bytes as they are (UTF-8 already), skipping a decode and re-encode. */
  outBytes?(bytes: Uint8Array): void;
  err(text: string): void;
  /** Colors only on a terminal (and never with NO_COLOR). */
  readonly color: boolean;
  /** Resolves when the output can take more (backpressure for long streams). */
  drain?(): Promise<void>;
}

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  outBytes: (b) => process.stdout.write(b),
  err: (t) => process.stderr.write(t),
  color: Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"],
  drain: () => (process.stdout.writableNeedDrain ? once(process.stdout, "drain").then(() => undefined) : Promise.resolve()),
};
