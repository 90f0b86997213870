/**
 * A memo for the planet positions date-holidays asks astronomia for.
 *
 * Why: equinox and solar-term holidays (Japan's Vernal and Autumnal Equinox Days, China's
 * Qingming, the lunisolar new years of China, Korea, Vietnam, Taiwan, Hong Kong) are computed
 * from astronomia's full VSOP87 series, about 170 µs a position, and date-holidays asks for the
 * same positions again and again: each year's holidays recompute the neighbouring years'
 * equinoxes, once per rule (30 positions for a Japanese year, 15 of them distinct). A position is
 * a pure function of the planet's series and the instant, so remembering it changes no answer
 * and cuts the cost of a year of holidays by 40–80 % for these countries (JP 173 → 101 ms, TW
 * 918 → 190 ms for 17 years). The answers are checked equal with and without the memo in
 * `test/runtime/holiday-astronomy.test.ts`, which also fails if date-holidays stops using this
 * copy of astronomia (the memo would then quietly do nothing).
 *
 * The memo is installed on the copy date-holidays-parser requires (`holiday-source.ts` loads
 * both); astronomia is also a dependency of ours at the exact version date-holidays resolves, so
 * npm keeps one copy of it.
 */
/** Positions remembered per planet; past this the memo starts again (a batch over centuries). */
const MAX_POSITIONS = 20_000;

interface PlanetLike {
  position(jde: number): unknown;
}

/** astronomia's `planetposition` module: the one part of astronomia (untyped) the memo touches. */
export interface PlanetPositionModule {
  readonly Planet: { readonly prototype: PlanetLike };
}

/**
 * Counted where every copy of this module sees them: astronomia is a CommonJS module shared by the
 * whole process, so the memo a first copy of this module installed is the one that counts.
 */
const counts: { computed: number; asked: number } = ((globalThis as Record<symbol, unknown>)[Symbol.for("sla.planetPositionCounts")] ??= { computed: 0, asked: 0 }) as { computed: number; asked: number };

/** Wrap `Planet.prototype.position` of this copy of astronomia with the memo (once per copy). */
export function memoizePlanetPositions(planetposition: PlanetPositionModule): void {
  const proto = planetposition.Planet.prototype as PlanetLike & { slaMemo?: true };
  if (proto.slaMemo) return;
  const compute = proto.position;
  const memo = new WeakMap<object, Map<number, unknown>>();
  proto.position = function position(this: PlanetLike, jde: number): unknown {
    counts.asked++;
    let positions = memo.get(this);
    if (positions === undefined) memo.set(this, (positions = new Map()));
    let p = positions.get(jde);
    if (p === undefined) {
      counts.computed++;
      // Callers destructure the coordinates and never change them, so one object serves all.
      p = compute.call(this, jde);
      if (positions.size >= MAX_POSITIONS) positions.clear();
      positions.set(jde, p);
    }
    return p;
  };
  proto.slaMemo = true;
}

/** How many positions were asked for and how many computed since the process started (for tests). */
export function planetPositionCounts(): { readonly asked: number; readonly computed: number } {
  return { ...counts };
}
