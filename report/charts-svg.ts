/**
 * Inline SVG charts for the HTML report: no script, no external font or image, so the page is
 * readable offline and in a mail client. Each chart is a pure function of the report, sized in
 * its own `viewBox` and scaled by CSS.
 */
import type { Report } from "./model.js";
import { percentText } from "./percent.js";
import { cellLabel, count } from "./words.js";

/** Series colours (colour-blind-safe, Okabe–Ito), in target order. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

/** Text for SVG and HTML: the five characters that could end a text node or an attribute escaped. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** Months beyond which the attainment chart draws lines instead of bars (bars get too thin). */
const MAX_BAR_MONTHS = 18;

/** The frame of a 0–100 % chart: grid lines and their labels. */
function percentFrame(left: number, right: number, width: number, y: (pct: number) => number): string[] {
  return [0, 25, 50, 75, 100].flatMap((g) => [
    `<line x1="${left}" x2="${width - right}" y1="${fmt(y(g))}" y2="${fmt(y(g))}" class="grid"/>`,
    `<text x="${left - 6}" y="${fmt(y(g) + 4)}" text-anchor="end" class="axis">${g} %</text>`,
  ]);
}

/** One month's point of a series: the exact share (or `null`) and its tooltip. */
interface Point {
  readonly percent: string | null;
  readonly tip: string;
}

/** A line of the attainment chart: a target, or an objective with the share it requires. */
interface Series {
  readonly label: string;
  readonly colour: string;
  readonly points: readonly Point[];
  /** An objective's required share, drawn as a dashed line. */
  readonly threshold: string | null;
}

/** Targets first, then objectives, each over every month of the report. */
function seriesOf(r: Report): Series[] {
  const colour = (i: number) => PALETTE[i % PALETTE.length]!;
  const targets = r.targets.map((t, i): Series => ({
    label: t.name,
    colour: colour(i),
    threshold: null,
    points: r.periods.map((p) => {
      const c = p.targets[i]!;
      const text = c.attainmentPercent === null ? "no decided ticket" : `${c.attainmentPercent} % (${count(c.met)} met, ${count(c.breached)} breached)`;
      return { percent: c.attainmentPercent, tip: `${p.period} ${t.name}: ${text}` };
    }),
  }));
  const objectives = r.objectives.map((o, j): Series => ({
    label: `objective ${o.name} (${o.sharePercent} % required)`,
    colour: colour(r.targets.length + j),
    threshold: o.sharePercent,
    points: r.periods.map((p) => {
      const c = p.objectives.find((x) => x.name === o.name);
      const text = !c || c.attainmentPercent === null ? "no decided ticket" : `${c.attainmentPercent} % (${count(c.met)} met, ${count(c.missed)} missed): ${c.status}`;
      return { percent: c?.attainmentPercent ?? null, tip: `${p.period} objective ${o.name}: ${text}` };
    }),
  }));
  return [...targets, ...objectives];
}

/**
 * Attainment per target and month, 0–100 %: a group of bars per month, one bar per target and
 * objective; past {@link MAX_BAR_MONTHS} months, a line each, with the years marked. An
 * objective's required share is a dashed line of its colour. A month where nothing was decided
 * gets no bar (a dash) or a gap in the line.
 */
export function attainmentChart(r: Report): string {
  const series = seriesOf(r);
  const body = r.periods.length > MAX_BAR_MONTHS ? attainmentLines(r, series) : attainmentBars(r, series);
  const legend = series.map((s) => `<span class="key"><i style="background:${s.colour}"></i>${esc(s.label)}</span>`).join("");
  const what = r.objectives.length > 0 ? "target, objective" : "target";
  return `<figure><figcaption>Attainment per ${what} and month</figcaption>${body}<div class="legend">${legend}</div></figure>`;
}

/** Dashed lines at the objectives' required shares. */
function thresholds(series: readonly Series[], left: number, right: number, width: number, y: (pct: number) => number): string[] {
  return series
    .filter((s) => s.threshold !== null)
    .map((s) => `<line x1="${left}" x2="${width - right}" y1="${fmt(y(Number(s.threshold)))}" y2="${fmt(y(Number(s.threshold)))}" stroke="${s.colour}" stroke-width="1.5" stroke-dasharray="6 4"><title>${esc(s.label)}</title></line>`);
}

function attainmentBars(r: Report, series: readonly Series[]): string {
  const months = r.periods;
  const n = series.length;
  const [left, top, bottom, right] = [44, 16, 44, 12];
  // Wide enough for a month label under each group, and for the chart to read as one.
  const group = Math.max(64, n * 22 + 20, Math.floor(420 / Math.max(1, months.length)));
  const width = left + right + Math.max(1, months.length) * group;
  const height = 240;
  const plot = height - top - bottom;
  const y = (pct: number) => top + plot - (pct / 100) * plot;
  const parts = percentFrame(left, right, width, y);
  const bar = Math.min(28, (group - 12) / Math.max(1, n));
  months.forEach((p, m) => {
    const x0 = left + m * group + (group - bar * n) / 2;
    series.forEach((s, i) => {
      const x = x0 + i * bar;
      const point = s.points[m]!;
      if (point.percent === null) {
        parts.push(`<text x="${fmt(x + bar / 2)}" y="${fmt(y(0) - 4)}" text-anchor="middle" class="axis"><title>${esc(point.tip)}</title>–</text>`);
        return;
      }
      const pct = Number(point.percent); // drawing only: the printed figure is the exact text
      parts.push(`<rect x="${fmt(x + 1)}" y="${fmt(y(pct))}" width="${fmt(bar - 2)}" height="${fmt(y(0) - y(pct))}" fill="${s.colour}" rx="2"><title>${esc(point.tip)}</title></rect>`);
      // Whole percent above the bar (truncated, as every share); the exact figure is in the tooltip and the tables.
      if (bar >= 22) parts.push(`<text x="${fmt(x + bar / 2)}" y="${fmt(y(pct) - 4)}" text-anchor="middle" class="value">${esc(point.percent.split(".")[0]!)}</text>`);
    });
    parts.push(`<text x="${fmt(left + m * group + group / 2)}" y="${height - bottom + 18}" text-anchor="middle" class="axis">${esc(p.period)}</text>`);
  });
  parts.push(...thresholds(series, left, right, width, y));
  return svg(width, height, "attainment per target and month", parts);
}

function attainmentLines(r: Report, series: readonly Series[]): string {
  const months = r.periods;
  const [left, top, bottom, right, width, height] = [44, 16, 40, 12, 1000, 260];
  const plot = height - top - bottom;
  const y = (pct: number) => top + plot - (pct / 100) * plot;
  const step = (width - left - right) / Math.max(1, months.length - 1);
  const x = (m: number) => left + m * step;
  const parts = percentFrame(left, right, width, y);
  // A year's first month in the data gets a tick and its year.
  months.forEach((p, m) => {
    if (m === 0 || p.period.endsWith("-01")) {
      parts.push(`<line x1="${fmt(x(m))}" x2="${fmt(x(m))}" y1="${top}" y2="${fmt(y(0))}" class="grid"/>`);
      const anchor = x(m) > width - right - 24 ? "end" : "middle"; // the last year's label stays inside
      parts.push(`<text x="${fmt(x(m))}" y="${height - bottom + 18}" text-anchor="${anchor}" class="axis">${esc(p.period.slice(0, 4))}</text>`);
    }
  });
  parts.push(...thresholds(series, left, right, width, y));
  for (const s of series) {
    // Runs of months with a value; a month where nothing was decided breaks the line.
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) parts.push(`<polyline points="${run.join(" ")}" fill="none" stroke="${s.colour}" stroke-width="2" stroke-linejoin="round"/>`);
      run = [];
    };
    s.points.forEach((point, m) => {
      if (point.percent === null) return flush();
      const [px, py] = [fmt(x(m)), fmt(y(Number(point.percent)))];
      run.push(`${px},${py}`);
      parts.push(`<circle cx="${px}" cy="${py}" r="2.5" fill="${s.colour}"><title>${esc(point.tip)}</title></circle>`);
    });
    flush();
  }
  return svg(width, height, "attainment per target and month", parts);
}

function svg(width: number, height: number, label: string, parts: readonly string[]): string {
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(label)}">${parts.join("")}</svg>`;
}

/**
 * Breaches by priority and plan over every month: a grid, priorities down and plans across,
 * each cell shaded by its share of breached tickets and labelled `breached / tickets`.
 */
export function breachGrid(r: Report): string {
  const cells = new Map<string, { priority: string | null; plan: string | null; tickets: number; breached: number }>();
  for (const p of r.periods) {
    for (const c of p.byPriorityPlan) {
      const key = `${c.priority}\u0000${c.plan}`;
      const seen = cells.get(key) ?? { priority: c.priority, plan: c.plan, tickets: 0, breached: 0 };
      seen.tickets += c.tickets;
      seen.breached += c.breached;
      cells.set(key, seen);
    }
  }
  // The policy's own order, only the rows and columns that had tickets.
  const used = (names: string[], pick: (c: { priority: string | null; plan: string | null }) => string | null): (string | null)[] =>
    names.length === 0 ? [null] : names.filter((n) => [...cells.values()].some((c) => pick(c) === n));
  const priorities = used(r.priorities, (c) => c.priority);
  const plans = used(r.plans, (c) => c.plan);
  const [left, top, cw, ch] = [96, 28, 132, 52];
  const width = left + plans.length * cw + 8;
  const height = top + priorities.length * ch + 8;
  const parts: string[] = [];
  plans.forEach((plan, j) => parts.push(`<text x="${left + j * cw + cw / 2}" y="18" text-anchor="middle" class="axis">${esc(plan ?? "all plans")}</text>`));
  priorities.forEach((priority, i) => {
    parts.push(`<text x="${left - 8}" y="${top + i * ch + ch / 2 + 4}" text-anchor="end" class="axis">${esc(priority ?? "all priorities")}</text>`);
    plans.forEach((plan, j) => {
      const c = cells.get(`${priority}\u0000${plan}`);
      const [x, yy] = [left + j * cw, top + i * ch];
      if (!c) {
        parts.push(`<rect x="${x + 2}" y="${yy + 2}" width="${cw - 4}" height="${ch - 4}" class="empty" rx="4"/>`);
        return;
      }
      const share = c.breached / c.tickets; // shading only: the printed share is exact
      // Light to strong vermilion by the share breached; white text once the cell is dark.
      const fill = c.breached === 0 ? "#e8f5ee" : `rgba(213,94,0,${fmt(0.15 + 0.85 * share)})`;
      const label = `${cellLabel(c)}: ${c.breached} of ${c.tickets} tickets breached a binding target`;
      parts.push(`<rect x="${x + 2}" y="${yy + 2}" width="${cw - 4}" height="${ch - 4}" fill="${fill}" rx="4"><title>${esc(label)}</title></rect>`);
      const cls = share > 0.55 ? " dark" : "";
      parts.push(`<text x="${x + cw / 2}" y="${yy + ch / 2 - 2}" text-anchor="middle" class="cell${cls}">${percentText(c.breached, c.tickets)} %</text>`);
      parts.push(`<text x="${x + cw / 2}" y="${yy + ch / 2 + 14}" text-anchor="middle" class="count${cls}">${count(c.breached)} / ${count(c.tickets)}</text>`);
    });
  });
  return `<figure><figcaption>Tickets breaching a binding target, by priority and plan (all months)</figcaption>${svg(width, height, "breaches by priority and plan", parts)}</figure>`;
}
