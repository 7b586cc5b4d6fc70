import type { UnitProblem } from "./allowed-pairs.js";

/** Each phase divides ε by this. */
const EPSILON_FACTOR = 5;
/** Give up (keeping the prices so far) after this many pair visits per pair. */
const WORK_PER_PAIR = 60;

export interface AuctionOutcome {
  /** For each line, the cheapest price it faces: min over its pairs of (cost + price). */
  lineValue: Float64Array;
  /** For each column, how many of its units a row (not a stand-in) held at the end of the last complete phase. */
  held: Int32Array;
}

/**
 * Approximate dual values by the ε-scaling auction (Bertsekas): bidders take
 * column units, each bid raising the price of the unit by the bidder's margin
 * over its second choice plus ε, the previous holder bidding again; a phase
 * ends when every bidder holds a unit, then ε shrinks. With more units than
 * rows, stand-in bidders that take any unit at the worst cost make the
 * auction symmetric, so unsold units do not keep stale prices. The solver
 * uses the outcome only as a warm start (cost offsets where they are exact,
 * and an insertion order): its quality affects speed, never the result. All
 * rows with pairs must be placeable at once (the caller checks); the work
 * limit guards the rest.
 */
export function runPriceAuction(problem: UnitProblem): AuctionOutcome {
  return new PriceAuction(problem).run();
}

/** A class rather than closures, so that V8 keeps one optimised copy of the bidding loop across solves. */
class PriceAuction {
  private readonly rows: number;
  private readonly line: Int32Array;
  private readonly columns: number;
  private readonly capacity: Int32Array;
  private readonly start: Int32Array;
  private readonly target: Int32Array;
  private readonly cost: Float64Array;
  private readonly lineCount: number;
  private readonly slotStart: Int32Array;
  private readonly price: Float64Array;
  private readonly holder: Int32Array;
  private readonly cheapest: Int32Array;
  private lowest = Infinity;
  private highest = -Infinity;
  private work: number;

  constructor(problem: UnitProblem) {
    this.rows = problem.rows;
    this.line = problem.line;
    this.columns = problem.columns;
    this.capacity = problem.capacity;
    this.start = problem.lines.start;
    this.target = problem.lines.target;
    this.cost = problem.lines.cost;
    this.lineCount = problem.lines.lineCount;
    this.slotStart = new Int32Array(this.columns + 1);
    for (let c = 0; c < this.columns; c++) this.slotStart[c + 1] = this.slotStart[c]! + this.capacity[c]!;
    const units = this.slotStart[this.columns]!;
    this.price = new Float64Array(units);
    this.holder = new Int32Array(units);
    this.cheapest = new Int32Array(this.columns);
    for (let c = 0; c < this.columns; c++) this.cheapest[c] = this.slotStart[c]!;
    for (let e = 0; e < this.cost.length; e++) {
      this.lowest = Math.min(this.lowest, this.cost[e]!);
      this.highest = Math.max(this.highest, this.cost[e]!);
    }
    this.work = WORK_PER_PAIR * (this.cost.length + this.rows);
  }

  run(): AuctionOutcome {
    const { rows, line, start, columns, slotStart, holder } = this;
    const held = new Int32Array(columns);
    const range = this.highest - this.lowest;
    if (!(range > 0)) return { lineValue: new Float64Array(this.lineCount), held };
    const bidders: number[] = [];
    for (let r = 0; r < rows; r++) if (start[line[r]!]! < start[line[r]! + 1]!) bidders.push(r);
    const standIns = Math.max(0, slotStart[columns]! - bidders.length);
    for (let k = 0; k < standIns; k++) bidders.push(rows + k);
    const queue = new Int32Array(bidders.length);

    for (let epsilon = range / 4, last = range / (10 * bidders.length); this.work > 0; epsilon /= EPSILON_FACTOR) {
      holder.fill(-1);
      // A ring: every bidder waits at most once at a time.
      let head = 0;
      let waiting = 0;
      for (const r of bidders) queue[waiting++] = r;
      while (waiting > 0 && this.work > 0) {
        const r = queue[head]!;
        head = head + 1 === queue.length ? 0 : head + 1;
        waiting--;
        const displaced = r < rows ? this.bid(r, epsilon) : this.standInBid(r, epsilon);
        if (displaced >= 0) queue[(head + waiting++) % queue.length] = displaced;
      }
      if (waiting > 0) break; // out of work: keep the last complete phase's holdings
      held.fill(0);
      for (let c = 0; c < columns; c++) for (let s = slotStart[c]!; s < slotStart[c + 1]!; s++) if (holder[s]! < rows) held[c]!++;
      if (epsilon <= last) break;
    }
    return { lineValue: this.lineValues(), held };
  }

  /** Row r bids for its best unit; returns the bidder it displaced, or -1. */
  private bid(r: number, epsilon: number): number {
    const { start, target, cost, price, cheapest } = this;
    let pick = -1;
    let best = Infinity;
    let runnerUp = Infinity;
    const from = start[this.line[r]!]!;
    const to = start[this.line[r]! + 1]!;
    this.work -= to - from;
    for (let e = from; e < to; e++) {
      const value = cost[e]! + price[cheapest[target[e]!]!]!;
      if (value < best) {
        runnerUp = best;
        best = value;
        pick = e;
      } else if (value < runnerUp) runnerUp = value;
    }
    return this.take(r, target[pick]!, cost[pick]!, runnerUp, epsilon);
  }

  /** A stand-in takes any unit at the worst cost, so it bids for the cheapest unit of all. */
  private standInBid(r: number, epsilon: number): number {
    const { capacity, price, cheapest } = this;
    let pick = -1;
    let best = Infinity;
    let runnerUp = Infinity;
    this.work -= this.columns;
    for (let c = 0; c < this.columns; c++) {
      if (capacity[c] === 0) continue;
      const value = this.highest + price[cheapest[c]!]!;
      if (value < best) {
        runnerUp = best;
        best = value;
        pick = c;
      } else if (value < runnerUp) runnerUp = value;
    }
    return this.take(r, pick, this.highest, runnerUp, epsilon);
  }

  /** Bidder r takes column c's cheapest unit at the price that makes its next choice (`runnerUp`) ε better. */
  private take(r: number, c: number, pairCost: number, runnerUp: number, epsilon: number): number {
    const { slotStart, price, holder, cheapest } = this;
    const slot = cheapest[c]!;
    let next = runnerUp;
    for (let s = slotStart[c]!; s < slotStart[c + 1]!; s++) if (s !== slot) next = Math.min(next, pairCost + price[s]!);
    price[slot] = next === Infinity ? price[slot]! + epsilon : next - pairCost + epsilon;
    const previous = holder[slot]!;
    holder[slot] = r;
    let lowestSlot = slotStart[c]!;
    for (let s = lowestSlot + 1; s < slotStart[c + 1]!; s++) if (price[s]! < price[lowestSlot]!) lowestSlot = s;
    cheapest[c] = lowestSlot;
    return previous;
  }

  private lineValues(): Float64Array {
    const { start, target, cost, price, cheapest } = this;
    const lineValue = new Float64Array(this.lineCount);
    for (let l = 0; l < this.lineCount; l++) {
      let value = Infinity;
      for (let e = start[l]!; e < start[l + 1]!; e++) value = Math.min(value, cost[e]! + price[cheapest[target[e]!]!]!);
      lineValue[l] = value === Infinity ? 0 : value;
    }
    return lineValue;
  }
}
