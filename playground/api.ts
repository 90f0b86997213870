/** The playground's calls to `sla serve` (same origin): checks, evaluations, served policies. */

/** A diagnostic as `POST /v1/check` returns it (positions 1-based; `offset`/`length` in UTF-16 units). */
export interface Diagnostic {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly offset: number;
  readonly length: number;
  readonly start: { line: number; column: number };
  readonly help?: string;
}

export interface TargetResult {
  readonly name: string;
  readonly goal: string;
  readonly status: string;
  readonly due: string | null;
  readonly stoppedAt?: string;
  readonly trace?: { clause: { line: number; text: string } | null; countedMinutes: number; calendar: { name: string; zone: string } };
}

export interface TryResult {
  readonly diagnostics: Diagnostic[];
  readonly result: { id: string; asOf: string; targets: TargetResult[]; escalations: Array<{ to: string; at: string; after: string }>; credit: { percent: number } | null } | null;
  readonly error: { field: string; message: string } | null;
  readonly svg: string | null;
}

/** The bundled examples: each seed policy's text and its example tickets. */
export interface Examples {
  readonly policies: Record<string, { text: string; tickets: unknown[] }>;
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json()) as T & { error?: { field: string; message: string } };
  if (!res.ok) throw new Error(json.error ? `${json.error.field}: ${json.error.message}` : `HTTP ${res.status}`);
  return json;
}

export const check = (policy: string) => postJson<{ ok: boolean; diagnostics: Diagnostic[] }>("/v1/check", { policy });
export const tryTicket = (policy: string, ticket: unknown) => postJson<TryResult>("/v1/try", { policy, ticket });
export async function examples(): Promise<Examples> {
  return (await (await fetch("/playground/examples.json")).json()) as Examples;
}
