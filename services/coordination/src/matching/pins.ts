/**
 * Coordinator pins: pairs pre-assigned before the solver runs. A pin is a
 * coordinator's word against the soft criteria and against track and
 * language, never against the rules: a pin that pairs people sharing a
 * conflict token, breaks the cross-border rule, pairs two who declined each
 * other, names someone without a profile or overfills a mentor fails the
 * round with a message saying which pin and why.
 */
import { conflicted, crossBorderViolation, type CrossBorderRule, type PreparedProfile } from "./hard-constraints.js";
import { RoundFailure } from "./round-failure.js";
import type { PseudonymPair } from "./round-input.js";

export const pairKey = (menteePseudonym: string, mentorPseudonym: string) => `${menteePseudonym}|${mentorPseudonym}`;

export interface PinContext {
  rule: CrossBorderRule;
  menteesByPseudonym: ReadonlyMap<string, PreparedProfile>;
  mentorIndex: ReadonlyMap<string, number>;
  mentors: readonly PreparedProfile[];
  /** Mentees whose proposals of earlier rounds stay: their pins are moot. */
  held: ReadonlySet<string>;
  /** Pairs who declined each other. */
  declined: ReadonlySet<string>;
  /** Places left per mentor; pins take theirs. */
  capacity: Int32Array;
}

export interface PinnedPair {
  mentee: PreparedProfile;
  mentor: PreparedProfile;
}

export function applyPins(pins: readonly PseudonymPair[], context: PinContext): PinnedPair[] {
  const pinned: PinnedPair[] = [];
  const overfilled = new Set<number>();
  for (const pin of pins) {
    const fail = (reason: string) => new RoundFailure(`pin of mentee ${pin.menteePseudonym} with mentor ${pin.mentorPseudonym}: ${reason}`);
    if (context.held.has(pin.menteePseudonym)) continue;
    const mentee = context.menteesByPseudonym.get(pin.menteePseudonym);
    if (!mentee) throw fail("no mentee profile has this pseudonym in the cohort (consent withdrawn, or not a mentee); remove the pin");
    const index = context.mentorIndex.get(pin.mentorPseudonym);
    if (index === undefined) throw fail("no mentor profile has this pseudonym in the cohort (consent withdrawn, or not a mentor); remove the pin");
    const mentor = context.mentors[index]!;
    if (conflicted(mentee, mentor)) throw fail("they share a conflict token (a dependent relationship, e.g. the same employer); remove the pin");
    const crossBorder = crossBorderViolation(context.rule, mentee, mentor);
    if (crossBorder) throw fail(`${crossBorder}; remove the pin`);
    if (context.declined.has(pairKey(pin.menteePseudonym, pin.mentorPseudonym))) throw fail("they declined each other in an earlier round; remove the pin");
    context.capacity[index]!--;
    if (context.capacity[index]! < 0) overfilled.add(index);
    pinned.push({ mentee, mentor });
  }
  for (const index of overfilled) {
    const mentor = context.mentors[index]!;
    const count = pinned.filter((pair) => pair.mentor === mentor).length;
    throw new RoundFailure(`${count} pins name mentor ${mentor.profile.pseudonym}, more than their ${count + context.capacity[index]!} free place(s); remove a pin`);
  }
  return pinned;
}
