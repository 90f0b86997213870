/**
 * A ticket's timeline as one self-contained SVG (no script, no external font): the calendar's
 * open windows in local time, closed days and holidays by name, the ticket's events, each
 * target's counted segments and pauses, its reopenings (the solved gap and where the clock ran
 * again), its due and outcome (the breach point in red), the
 * escalations, DST changes and `asOf`. Shapes carry `<title>`s (hover text) and `data-` attributes
 * (the playground and the tests read them). Layout: one lane per row, time left to right.
 */
import { DateTime } from "luxon";
import { esc, PALETTE } from "../../report/charts-svg.js";
import { evaluateTicket, type EvaluateOptions } from "../../runtime/evaluate.js";
import type { InputError, Ticket, TicketResult } from "../../runtime/io.js";
import type { PolicyIR } from "../../runtime/ir.js";
import { readTicketText } from "../../runtime/ticket-line.js";
import { type TimelineMark, type TimelineModel, type TimelineReopening, type TimelineTarget, timelineModel } from "./model.js";

const WIDTH = 1400;
const LEFT = 260;
const RIGHT = 24;
const TOP = 84;
const LANE = 46;
const LABEL_ROW = 13;
const FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\"";

const COLORS = {
  counted: PALETTE[0]!,
  paused: PALETTE[1]!,
  open: "#cfe8d8",
  openStroke: "#6fb58a",
  closed: "#eceae6",
  breach: "#c62828",
  met: "#2e7d32",
  due: "#333",
  escalation: PALETTE[3]!,
  reopen: "#00838f",
  dst: "#7b3294",
  asOf: "#888",
  grid: "#d9d9d9",
  text: "#222",
  muted: "#666",
};

/** Pixels from instants. */
interface Scale {
  x(t: number): number;
  readonly zone: string;
}

const hhmm = (s: Scale, t: number) => DateTime.fromMillis(t, { zone: s.zone }).toFormat("HH:mm");
const dayTime = (s: Scale, t: number) => DateTime.fromMillis(t, { zone: s.zone }).toFormat("ccc d LLL HH:mm");

/** Rows for labels so that none overlaps the one before it in its row (greedy, left to right). */
function labelRows(marks: readonly { x: number; width: number }[], maxRows: number): number[] {
  const ends: number[] = [];
  return marks.map((m) => {
    let row = ends.findIndex((end) => end + 6 <= m.x);
    if (row === -1) row = ends.length < maxRows ? ends.length : ends.indexOf(Math.min(...ends));
    ends[row] = m.x + m.width;
    return row;
  });
}

/** Rough width of a label at 11 px (no font metrics in a pure function; good enough to avoid overlaps). */
const textWidth = (s: string) => s.length * 6.2;

/**
 * Where the label of a mark at `x` starts: `gap` px right of it, or, when it would pass the
 * picture's right edge, ending `gap` px left of it (an instant late on the range's last day, such
 * as a reopening or its due, would otherwise have its label cut off).
 */
function labelX(x: number, text: string, gap: number): number {
  const width = textWidth(text);
  return x + gap + width <= WIDTH - RIGHT ? x + gap : Math.round((x - gap - width) * 10) / 10;
}

function laneLabel(y: number, title: string, sub: string | null, hover: string | null, id: string): string {
  const tip = hover ? `<title>${esc(hover)}</title>` : "";
  return `<g class="lane-label" data-lane="${esc(id)}">${tip}<text x="12" y="${y + 19}" font-size="13" font-weight="600" fill="${COLORS.text}">${esc(title)}</text>${sub ? `<text x="12" y="${y + 35}" font-size="11" fill="${COLORS.muted}">${esc(sub)}</text>` : ""}</g>`;
}

function days(m: TimelineModel, s: Scale, bottom: number): string {
  const dayWidth = (s.x(m.days[0]?.end ?? m.to) - s.x(m.days[0]?.start ?? m.from)) || 1;
  const every = Math.max(1, Math.ceil(70 / dayWidth));
  return m.days
    .map((d, i) => {
      const x0 = s.x(d.start);
      const x1 = s.x(d.end);
      const fill = d.closed ? `url(#closed)` : i % 2 === 0 ? "#fafafa" : "#ffffff";
      const label = i % every === 0 ? `<text x="${(x0 + x1) / 2}" y="${TOP - 22}" font-size="12" font-weight="600" text-anchor="middle" fill="${COLORS.text}">${esc(d.label)}</text>` : "";
      const why = d.closed && x1 - x0 > 40 ? `<text x="${(x0 + x1) / 2}" y="${TOP - 8}" font-size="11" text-anchor="middle" fill="${COLORS.breach}" data-closed="${esc(d.closed)}">${esc(clip(d.closed, Math.floor((x1 - x0) / 6.2)))}</text>` : "";
      const tip = `<title>${esc(d.label)}${d.closed ? ` — ${esc(d.closed)}` : ""}</title>`;
      return `<g class="day"${d.closed ? ` data-closed="${esc(d.closed)}"` : ""}><rect x="${x0}" y="${TOP}" width="${x1 - x0}" height="${bottom - TOP}" fill="${fill}">${tip}</rect><line x1="${x0}" y1="${TOP - 30}" x2="${x0}" y2="${bottom}" stroke="${COLORS.grid}"/>${label}${why}</g>`;
    })
    .join("");
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, Math.max(1, n - 1))}…`);

function windows(m: TimelineModel, s: Scale, y: number): string {
  return m.windows
    .map(([a, b]) => {
      const x0 = s.x(a);
      const w = Math.max(1, s.x(b) - x0);
      const text = w > 70 ? `<text x="${x0 + w / 2}" y="${y + 27}" font-size="10" text-anchor="middle" fill="#2f6b45">${hhmm(s, a)}–${hhmm(s, b)}</text>` : "";
      return `<rect class="open" x="${x0}" y="${y + 12}" width="${w}" height="22" rx="3" fill="${COLORS.open}" stroke="${COLORS.openStroke}"><title>open ${esc(dayTime(s, a))} – ${esc(hhmm(s, b))}</title></rect>${text}`;
    })
    .join("");
}

/** Markers with labels in rows under the lane's top; returns the SVG and the rows used. */
function marks(list: readonly TimelineMark[], s: Scale, y: number, color: string, shape: "dot" | "diamond", cls: string): { svg: string; rows: number } {
  const sorted = [...list].sort((a, b) => a.at - b.at);
  const labels = sorted.map((e) => `${e.label} ${hhmm(s, e.at)}`);
  const starts = sorted.map((e, i) => labelX(s.x(e.at), labels[i]!, 3));
  const rows = labelRows(sorted.map((_, i) => ({ x: starts[i]!, width: textWidth(labels[i]!) })), 3);
  const svg = sorted
    .map((e, i) => {
      const x = s.x(e.at);
      const ly = y + 16 + rows[i]! * LABEL_ROW;
      const glyph = shape === "dot" ? `<circle cx="${x}" cy="${y + 8}" r="5" fill="${color}"/>` : `<path d="M${x} ${y + 2} l6 6 l-6 6 l-6 -6 z" fill="${color}"/>`;
      return `<g class="${cls}" data-at="${e.at}"><title>${esc(e.label)} at ${esc(dayTime(s, e.at))}</title><line x1="${x}" y1="${y + 8}" x2="${x}" y2="${ly - 9}" stroke="${color}" stroke-width="1"/>${glyph}<text x="${starts[i]!}" y="${ly + 2}" font-size="11" fill="${COLORS.text}">${esc(labels[i]!)}</text></g>`;
    })
    .join("");
  return { svg, rows: Math.max(1, ...rows.map((r) => r + 1)) };
}

/**
 * The solved gap of a reopening, under the counted bars: a dashed line from the stop it undid to
 * the reopening, ended by a tick at the stop (the clock stood still there, nothing counted).
 */
function solvedGap(r: TimelineReopening, s: Scale, y: number): string {
  const x0 = s.x(r.stoppedAt);
  const x1 = s.x(r.reopenedAt);
  const tip = `stopped ${dayTime(s, r.stoppedAt)}, resolved ${dayTime(s, r.resolvedAt)}, reopened ${dayTime(s, r.reopenedAt)}: not counted`;
  return `<g class="solved" data-from="${r.stoppedAt}" data-to="${r.reopenedAt}"><title>${esc(tip)}</title><line x1="${x0}" y1="${y + 16}" x2="${x1}" y2="${y + 16}" stroke="${COLORS.muted}" stroke-width="1.5" stroke-dasharray="4 3"/><line x1="${x0}" y1="${y + 8}" x2="${x0}" y2="${y + 24}" stroke="${COLORS.muted}" stroke-width="2"/></g>`;
}

/** Where a reopening ran the clock again: a line across the lane flagged with a "play" triangle. */
function reopenMark(r: TimelineReopening, s: Scale, y: number): string {
  const x = s.x(r.reopenedAt);
  const tip = `reopened ${dayTime(s, r.reopenedAt)}: the clock runs on from where it stopped`;
  const label = `reopened ${hhmm(s, r.reopenedAt)}`;
  return `<g class="reopen" data-at="${r.reopenedAt}"><title>${esc(tip)}</title><line x1="${x}" y1="${y + 2}" x2="${x}" y2="${y + 30}" stroke="${COLORS.reopen}" stroke-width="2"/><path d="M${x} ${y - 2} l9 5 l-9 5 z" fill="${COLORS.reopen}"/><text x="${labelX(x, label, 12)}" y="${y + 6}" font-size="10" font-weight="600" fill="${COLORS.reopen}">${esc(label)}</text></g>`;
}

function target(t: TimelineTarget, s: Scale, y: number, color: string): string {
  const bar = (a: number, b: number, fill: string, cls: string, tip: string) => `<rect class="${cls}" x="${s.x(a)}" y="${y + 8}" width="${Math.max(1, s.x(b) - s.x(a))}" height="16" fill="${fill}" rx="2"><title>${esc(tip)}</title></rect>`;
  const parts = [
    ...t.reopens.map((r) => solvedGap(r, s, y)),
    ...t.pauses.map(([a, b]) => bar(a, b, "url(#paused)", "pause", `paused ${dayTime(s, a)} – ${dayTime(s, b)}`)),
    ...t.segments.map(([a, b]) => bar(a, b, color, "counted", `counted ${dayTime(s, a)} – ${hhmm(s, b)}`)),
    ...t.reopens.map((r) => reopenMark(r, s, y)),
  ];
  if (t.due !== null) {
    const x = s.x(t.due);
    const breached = t.status === "breached";
    const c = breached ? COLORS.breach : COLORS.due;
    const label = `due ${dayTime(s, t.due)}`;
    parts.push(
      `<g class="due" data-due="${esc(t.dueText ?? "")}"><title>${esc(t.name)} due ${esc(t.dueText ?? "")}</title><line x1="${x}" y1="${y + 2}" x2="${x}" y2="${y + 30}" stroke="${c}" stroke-width="2"/><text x="${labelX(x, label, 4)}" y="${y + 40}" font-size="11" font-weight="600" fill="${c}">${esc(label)}</text></g>`,
    );
    if (breached) parts.push(`<g class="breach" data-at="${t.due}"><title>breached at ${esc(dayTime(s, t.due))}</title><circle cx="${x}" cy="${y + 16}" r="7" fill="${COLORS.breach}"/><path d="M${x - 3.5} ${y + 12.5} l7 7 M${x + 3.5} ${y + 12.5} l-7 7" stroke="#fff" stroke-width="2"/></g>`);
  }
  if (t.stoppedAt !== null && t.status === "met") {
    const x = s.x(t.stoppedAt);
    parts.push(`<g class="met"><title>met at ${esc(dayTime(s, t.stoppedAt))}</title><circle cx="${x}" cy="${y + 16}" r="7" fill="${COLORS.met}"/><path d="M${x - 3.5} ${y + 16} l2.5 3 l4.5 -6" stroke="#fff" stroke-width="2" fill="none"/></g>`);
  }
  return `<g class="target" data-target="${esc(t.name)}" data-status="${esc(t.status)}">${parts.join("")}</g>`;
}

function verticals(m: TimelineModel, s: Scale, bottom: number): string {
  const dst = m.dst
    .map((d) => {
      const x = s.x(d.at);
      return `<g class="dst"><title>clocks change at ${esc(dayTime(s, d.at))}: ${esc(d.label)}</title><line x1="${x}" y1="${TOP - 30}" x2="${x}" y2="${bottom + 6}" stroke="${COLORS.dst}" stroke-width="1.5" stroke-dasharray="6 3"/><text x="${x + 4}" y="${bottom + 18}" font-size="11" fill="${COLORS.dst}">DST ${esc(d.label)}</text></g>`;
    })
    .join("");
  if (m.asOfLater) return dst;
  const x = s.x(m.asOf);
  return `${dst}<g class="as-of"><title>evaluated as of ${esc(dayTime(s, m.asOf))}</title><line x1="${x}" y1="${TOP}" x2="${x}" y2="${bottom}" stroke="${COLORS.asOf}" stroke-width="1" stroke-dasharray="2 3"/><text x="${x - 4}" y="${bottom + 18}" font-size="11" text-anchor="end" fill="${COLORS.asOf}">as of ${esc(hhmm(s, m.asOf))}</text></g>`;
}

/** The legend; the reopening's glyphs only when a target reopened (other pictures stay as they were). */
function legend(y: number, reopened: boolean): string {
  const items: Array<[string, string]> = [
    [`<rect width="14" height="10" fill="${COLORS.open}" stroke="${COLORS.openStroke}"/>`, "open hours"],
    [`<rect width="14" height="10" fill="url(#closed)"/>`, "closed / holiday"],
    [`<rect width="14" height="10" fill="${COLORS.counted}"/>`, "counted time"],
    [`<rect width="14" height="10" fill="url(#paused)"/>`, "paused"],
    [`<rect x="6" width="2" height="12" fill="${COLORS.due}"/>`, "due"],
    [`<circle cx="7" cy="6" r="6" fill="${COLORS.breach}"/>`, "breach"],
    [`<circle cx="7" cy="6" r="6" fill="${COLORS.met}"/>`, "met"],
    [`<path d="M7 0 l6 6 l-6 6 l-6 -6 z" fill="${COLORS.escalation}"/>`, "escalation"],
    [`<line x1="7" y1="0" x2="7" y2="12" stroke="${COLORS.dst}" stroke-dasharray="3 2" stroke-width="1.5"/>`, "DST change"],
  ];
  if (reopened) {
    items.push(
      [`<line x1="0" y1="6" x2="14" y2="6" stroke="${COLORS.muted}" stroke-width="1.5" stroke-dasharray="4 3"/><line x1="1" y1="0" x2="1" y2="12" stroke="${COLORS.muted}" stroke-width="2"/>`, "solved (not counted)"],
      [`<path d="M3 0 l9 5 l-9 5 z" fill="${COLORS.reopen}"/>`, "reopened"],
    );
  }
  let x = LEFT;
  return items
    .map(([glyph, label]) => {
      const g = `<g transform="translate(${x} ${y})">${glyph}<text x="20" y="10" font-size="11" fill="${COLORS.muted}">${esc(label)}</text></g>`;
      x += 28 + textWidth(label);
      return g;
    })
    .join("");
}

const DEFS = `<defs><pattern id="closed" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="${COLORS.closed}"/><line x1="0" y1="0" x2="0" y2="8" stroke="#dcd8d2" stroke-width="3"/></pattern><pattern id="paused" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fbe3b8"/><line x1="0" y1="0" x2="0" y2="6" stroke="${COLORS.paused}" stroke-width="2"/></pattern></defs>`;

/** The SVG of a drawn model. */
export function renderTimeline(m: TimelineModel): string {
  const span = Math.max(1, m.to - m.from);
  const s: Scale = { zone: m.zone, x: (t) => Math.round((LEFT + ((Math.min(Math.max(t, m.from), m.to) - m.from) / span) * (WIDTH - LEFT - RIGHT)) * 10) / 10 };
  let y = TOP;
  const lanes: string[] = [];
  lanes.push(laneLabel(y, "open hours", `${m.calendarName} · ${m.zone}`, null, "calendar"), windows(m, s, y));
  y += LANE;
  const ev = marks(m.events, s, y, COLORS.text, "dot", "event");
  lanes.push(laneLabel(y, "ticket events", null, null, "events"), ev.svg);
  y += Math.max(LANE, 22 + ev.rows * LABEL_ROW);
  m.targets.forEach((t, i) => {
    const sub = `${t.goal} · ${t.status}${t.countedMinutes !== null ? ` · ${t.countedMinutes} min counted` : ""}`;
    lanes.push(laneLabel(y, t.name, sub, t.clause ? `goal clause: ${t.clause}` : null, `target:${t.name}`), target(t, s, y, PALETTE[i % 3 === 1 ? 2 : 0]!));
    y += LANE + 4;
  });
  if (m.escalations.length > 0) {
    const es = marks(m.escalations, s, y, COLORS.escalation, "diamond", "escalation");
    lanes.push(laneLabel(y, "escalations", null, null, "escalations"), es.svg);
    y += Math.max(LANE, 22 + es.rows * LABEL_ROW);
  }
  const bottom = y;
  const height = bottom + 52;
  const asOfText = `as of ${DateTime.fromMillis(m.asOf, { zone: m.zone }).toFormat("ccc d LLL yyyy HH:mm ZZ")}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" ${FONT} role="img" aria-label="${esc(`timeline of ${m.title}`)}">`,
    DEFS,
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    `<text x="12" y="22" font-size="16" font-weight="700" fill="${COLORS.text}">${esc(m.title)}</text>`,
    `<text x="12" y="40" font-size="11" fill="${COLORS.muted}">local time ${esc(m.zone)} · ${esc(asOfText)}</text>`,
    days(m, s, bottom),
    lanes.join(""),
    verticals(m, s, bottom),
    legend(bottom + 30, m.targets.some((t) => t.reopens.length > 0)),
    "</svg>",
  ].join("\n");
}

/** The timeline of one evaluated ticket (`result` evaluated with `explain`). */
export function timelineSvg(policy: PolicyIR, ticket: Ticket, result: TicketResult): string {
  return renderTimeline(timelineModel(policy, ticket, result));
}

/** A drawn ticket, or why its text is not a ticket (the field error `sla eval` gives). */
export type DrawnTicket = { ok: true; svg: string } | { ok: false; id: string | null; error: InputError };

/** The timeline of one ticket's JSON text (`sla eval … --format svg`, `?format=svg`). Never throws on bad input. */
export function timelineOfText(policy: PolicyIR, text: string, options: EvaluateOptions): DrawnTicket {
  const parsed = readTicketText(policy, text.replace(/^\ufeff/, ""), false);
  if (!parsed.ok) return { ok: false, id: parsed.id, error: parsed.error };
  const result = evaluateTicket(policy, parsed.ticket, { ...options, explain: true });
  return { ok: true, svg: timelineSvg(policy, parsed.ticket, result) };
}
