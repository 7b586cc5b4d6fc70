import { describe, expect, it } from "vitest";
import { LANGUAGE_CODE, loadRegistry, MATCHING_CODE, REGION_CODE, TRACK_CODE } from "@tandem/shared";
import { repoPaths } from "../paths.js";
import { eventSeeds, participantSeeds, programmeSeeds, registrationSeeds } from "./data/index.js";
import { cohortInput, windowBeforeSeeding } from "./cohort-inputs.js";
import { parseReference, referenceOf } from "./references.js";
import type { PairSeed, ProgrammeSeed, TextsSeed } from "./types.js";
import { cohortTexts, eventTexts, programmeTexts } from "./data/translations.js";
import { addDays, eventSchedule, seasonEnd, seasonStart } from "./season.js";

const registry = loadRegistry(repoPaths.registry);
const timeZoneOf = (nodeId: string) => registry.nodes.find((node) => node.id === nodeId)!.timeZone;
const countryOf = (nodeId: string) => registry.nodes.find((node) => node.id === nodeId)!.country;
const people = new Map(participantSeeds.map((p) => [referenceOf(p.node, p.email), p]));
const events = new Map(eventSeeds.map((e) => [referenceOf(e.node, e.key), e]));

/** A pair of seeded people, mentee and mentor, of the programme's nodes and track, under its cross-border rule. */
function expectValidPair(programme: ProgrammeSeed, pair: PairSeed): void {
  const mentee = people.get(pair.mentee.toLowerCase())!;
  const mentor = people.get(pair.mentor.toLowerCase())!;
  expect(mentee?.role, pair.mentee).toBe("MENTEE");
  expect(mentor?.role, pair.mentor).toBe("MENTOR");
  expect(programme.tracks.map((t) => t.code)).toContain(pair.track);
  expect(mentee.tracks, pair.mentee).toContain(pair.track);
  expect(mentor.tracks, pair.mentor).toContain(pair.track);
  expect(programme.participatingNodeIds).toContain(mentee.node);
  expect(programme.participatingNodeIds).toContain(mentor.node);
  if (programme.crossBorderRule === "DIFFERENT_COUNTRY") expect(countryOf(mentee.node)).not.toBe(countryOf(mentor.node));
  if (programme.crossBorderRule === "DIFFERENT_NODE") expect(mentee.node).not.toBe(mentor.node);
}

describe("participant seeds", () => {
  it("have e-mails unique per node, at example domains", () => {
    for (const node of registry.nodes) {
      const emails = participantSeeds.filter((p) => p.node === node.id).map((p) => p.email.toLowerCase());
      expect(new Set(emails).size, node.id).toBe(emails.length);
    }
    for (const p of participantSeeds) expect(p.email).toMatch(/^[a-z.]+@[a-z.-]+\.example$/);
  });

  it("give every node mentees, mentors and alumni of the registry", () => {
    for (const node of registry.nodes) {
      const roles = new Set(participantSeeds.filter((p) => p.node === node.id).map((p) => p.role));
      expect([...roles].sort(), node.id).toEqual(["ALUMNUS", "MENTEE", "MENTOR"]);
    }
    expect(participantSeeds.every((p) => registry.nodes.some((node) => node.id === p.node))).toBe(true);
  });

  it("describe mentees by degree and mentors as professionals with an organisation", () => {
    for (const p of participantSeeds) {
      if (p.role === "MENTEE") expect(["BACHELOR", "MASTER", "DOCTORAL"], p.email).toContain(p.degreeLevel);
      if (p.role === "MENTOR") expect(p.degreeLevel === "PROFESSIONAL" && Boolean(p.organisation), p.email).toBe(true);
      if (p.semester !== undefined) expect(["BACHELOR", "MASTER", "DOCTORAL"], p.email).toContain(p.degreeLevel);
      expect(
        p.languages.every((code) => LANGUAGE_CODE.test(code)),
        p.email,
      ).toBe(true);
      expect(
        p.tracks.every((code) => TRACK_CODE.test(code)),
        p.email,
      ).toBe(true);
    }
  });

  it("give every mentee and mentor a complete matching profile", () => {
    for (const p of participantSeeds.filter((person) => person.role !== "ALUMNUS")) {
      const { disciplineCode, goalCodes, meetingFormat, region, availabilityHoursPerMonth, experienceYears } = p;
      expect(
        [disciplineCode, meetingFormat, region, availabilityHoursPerMonth, experienceYears].every((field) => field !== undefined),
        p.email,
      ).toBe(true);
      expect(goalCodes?.length, p.email).toBeGreaterThan(0);
      if (p.role === "MENTOR") expect(p.mentorCapacity, p.email).toBeDefined();
    }
  });

  it("keep matching profile fields within what the node accepts", () => {
    const within = (value: number | undefined, min: number, max: number) => value === undefined || (Number.isInteger(value) && value >= min && value <= max);
    for (const p of participantSeeds) {
      if (p.disciplineCode !== undefined) expect(p.disciplineCode, p.email).toMatch(MATCHING_CODE);
      expect(
        (p.goalCodes ?? []).every((code) => MATCHING_CODE.test(code)),
        p.email,
      ).toBe(true);
      expect((p.goalCodes ?? []).length, p.email).toBeLessThanOrEqual(10);
      if (p.meetingFormat !== undefined) expect(["ONLINE", "IN_PERSON", "HYBRID"], p.email).toContain(p.meetingFormat);
      if (p.region !== undefined) expect(p.region, p.email).toMatch(REGION_CODE);
      expect(within(p.availabilityHoursPerMonth, 1, 40), p.email).toBe(true);
      expect(within(p.experienceYears, 0, 60), p.email).toBe(true);
      expect(within(p.mentorCapacity, 1, 5), p.email).toBe(true);
      if (p.mentorCapacity !== undefined) expect(p.role, `${p.email}: mentor capacity is for mentors only`).toBe("MENTOR");
      for (const personal of [p.employer, p.supervisor]) if (personal !== undefined) expect(personal.trim().length, p.email).toBeGreaterThanOrEqual(2);
    }
  });
});

describe("event seeds", () => {
  const start = seasonStart(new Date("2026-03-20T22:30:00Z"));

  it("fill a season of at least 40 events, several at every node, mostly consortium-wide", () => {
    expect(eventSeeds.length).toBeGreaterThanOrEqual(40);
    for (const node of registry.nodes) expect(eventSeeds.filter((e) => e.node === node.id).length, node.id).toBeGreaterThanOrEqual(8);
    const nodeOnly = eventSeeds.filter((e) => e.visibility === "NODE").length;
    expect(nodeOnly).toBeGreaterThan(0);
    expect(nodeOnly).toBeLessThan(eventSeeds.length / 5);
    expect(new Set(eventSeeds.map((e) => e.kind)).size).toBe(7);
    expect(new Set(eventSeeds.map((e) => e.format)).size).toBe(3);
    expect(events.size).toBe(eventSeeds.length);
  });

  it("start after the seeding day, end after they start, and stay within the season", () => {
    for (const event of eventSeeds) {
      const { startsAt, endsAt } = eventSchedule(event, start, timeZoneOf(event.node));
      expect(startsAt.getTime(), event.key).toBeGreaterThanOrEqual(addDays(start, 1).getTime());
      expect(endsAt.getTime(), event.key).toBeGreaterThan(startsAt.getTime());
      expect(endsAt.getTime(), event.key).toBeLessThanOrEqual(seasonEnd(start).getTime());
    }
  });

  it("have a place for in-person and a link for online attendance", () => {
    for (const event of eventSeeds) {
      if (event.format !== "ONLINE") expect(event.location, event.key).toBeTruthy();
      if (event.format !== "IN_PERSON") expect(event.onlineUrl, event.key).toMatch(/^https:\/\//);
      expect(event.capacity, event.key).toBeGreaterThan(0);
    }
  });
});

describe("registration seeds", () => {
  it("refer to seeded events and people, once each", () => {
    const pairs = registrationSeeds.map((r) => `${r.event.toLowerCase()} ${r.participant.toLowerCase()}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const r of registrationSeeds) {
      expect(events.has(r.event.toLowerCase()), r.event).toBe(true);
      expect(people.has(r.participant.toLowerCase()), r.participant).toBe(true);
    }
  });

  it("cross nodes, respect node-only events and overfill one event into a waitlist", () => {
    const crossNode = registrationSeeds.filter((r) => parseReference(r.event).node !== parseReference(r.participant).node);
    expect(crossNode.length).toBeGreaterThanOrEqual(10);
    for (const r of registrationSeeds) {
      if (events.get(r.event.toLowerCase())!.visibility === "NODE") expect(parseReference(r.participant).node).toBe(parseReference(r.event).node);
    }
    const overfilled = [...events.entries()].filter(([ref, e]) => registrationSeeds.filter((r) => r.event.toLowerCase() === ref).length > e.capacity);
    expect(overfilled.map(([ref]) => ref)).toEqual(["hst/imp-training-negotiation"]);
  });
});

describe("programme seeds", () => {
  it.each(programmeSeeds.map((p) => [p.name, p] as const))("%s: pairs and consents refer to seeded people of the programme's nodes and fill the cohort's quotas", (_name, programme) => {
    const codes = programme.tracks.map((t) => t.code);
    const counts = new Map<string, { mentees: number; mentors: number }>();
    const count = (node: string, role: "mentees" | "mentors") => {
      const current = counts.get(node) ?? { mentees: 0, mentors: 0 };
      counts.set(node, { ...current, [role]: current[role] + 1 });
    };
    for (const pair of programme.pairs) {
      expectValidPair(programme, pair);
      count(parseReference(pair.mentee).node, "mentees");
      count(parseReference(pair.mentor).node, "mentors");
    }
    for (const reference of programme.matchingConsents ?? []) {
      const person = people.get(reference.toLowerCase());
      expect(["MENTEE", "MENTOR"], reference).toContain(person?.role);
      expect(programme.participatingNodeIds, reference).toContain(person!.node);
      expect(
        person!.tracks.some((track) => codes.includes(track)),
        `${reference} shares no track with the programme`,
      ).toBe(true);
      count(person!.node, person!.role === "MENTEE" ? "mentees" : "mentors");
    }
    for (const quota of programme.cohort.quotas) expect(counts.get(quota.nodeId) ?? { mentees: 0, mentors: 0 }, quota.nodeId).toEqual({ mentees: quota.mentees, mentors: quota.mentors });
    expect([...counts.keys()].every((node) => programme.cohort.quotas.some((quota) => quota.nodeId === node))).toBe(true);
    const involved = [...programme.pairs.flatMap((p) => [p.mentee, p.mentor]), ...(programme.matchingConsents ?? [])].map((reference) => reference.toLowerCase());
    expect(new Set(involved).size).toBe(involved.length);
  });

  it("include the 5 + 5 industrial cohort, the 10 cross-border tandems and a joint matching cohort without tandems", () => {
    expect(programmeSeeds.map((p) => p.pairs.length)).toEqual([5, 10, 0]);
    expect(programmeSeeds.map((p) => p.matchingConsents?.length ?? 0)).toEqual([0, 0, 18]);
  });

  it("let into joint matching only people without a tandem elsewhere", () => {
    const pairs = programmeSeeds.flatMap((p) => [...p.pairs, ...(p.pastCohort?.pairs ?? [])]);
    const paired = new Set(pairs.flatMap((pair) => [pair.mentee.toLowerCase(), pair.mentor.toLowerCase()]));
    const consenting = programmeSeeds.flatMap((p) => p.matchingConsents ?? []).map((reference) => reference.toLowerCase());
    expect(consenting.filter((reference) => paired.has(reference))).toEqual([]);
  });

  it("give every activated tandem an agreement for its track, with goals the evaluations rate (short-1…, long-1…)", () => {
    for (const programme of programmeSeeds.filter((p) => p.activateTandems || p.pastCohort)) {
      for (const pair of [...programme.pairs, ...(programme.pastCohort?.pairs ?? [])]) {
        const agreement = programme.agreements?.[pair.track];
        expect(agreement, `${programme.name}: ${pair.track}`).toBeDefined();
        expect(agreement!.shortTermGoals.length).toBeGreaterThanOrEqual(1);
        expect(agreement!.longTermGoals.length).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it("re-match a mentee of an activated cohort with another mentor of their track who has a place left (at most 2 open tandems)", () => {
    const withRematch = programmeSeeds.filter((p) => p.rematch);
    expect(withRematch.map((p) => p.name)).toEqual(["careerSTEPS cross-border mentoring"]);
    for (const programme of withRematch) {
      const { mentee, newMentor } = programme.rematch!;
      const old = programme.pairs.find((pair) => pair.mentee.toLowerCase() === mentee.toLowerCase());
      expect(old, mentee).toBeDefined();
      expect(programme.activateTandems).toBe(true);
      expect(newMentor.toLowerCase()).not.toBe(old!.mentor.toLowerCase());
      expectValidPair(programme, { ...old!, mentor: newMentor });
      expect(programme.pairs.filter((pair) => pair.mentor.toLowerCase() === newMentor.toLowerCase()).length).toBeLessThanOrEqual(1);
    }
  });

  it("close the pilot season before any seeding day, its pairs valid and filling its quotas, its check-ins too happy to open a mediation case", () => {
    const programme = programmeSeeds.find((p) => p.pastCohort)!;
    const past = programme.pastCohort!;
    for (const time of ["2026-01-01T00:00:00Z", "2026-07-15T12:00:00Z", "2027-12-31T23:59:59Z"]) {
      const day = seasonStart(new Date(time));
      const input = cohortInput(past, "p1", day, windowBeforeSeeding(addDays(day, past.startsAfterDays)));
      expect(new Date(`${String(input.endsOn)}T00:00:00Z`).getTime(), time).toBeLessThan(day.getTime());
      expect(new Date(String(input.applicationsCloseAt)).getTime(), time).toBeLessThan(new Date(`${String(input.startsOn)}T00:00:00Z`).getTime());
    }
    const counts = new Map<string, number>();
    const enrolled = new Set(past.pairs.flatMap((pair) => [pair.mentee, pair.mentor]).map((reference) => reference.toLowerCase()));
    for (const reference of enrolled) counts.set(parseReference(reference).node, (counts.get(parseReference(reference).node) ?? 0) + 1);
    for (const pair of past.pairs) {
      expectValidPair(programme, pair);
      for (const satisfaction of Object.values(pair.closing.checkIn)) expect(satisfaction).toBeGreaterThanOrEqual(3);
      for (const evaluation of Object.values(pair.closing.evaluation)) expect([1, 2, 3, 4, 5]).toContain(evaluation.programmeRating);
    }
    for (const quota of past.quotas) expect(counts.get(quota.nodeId), quota.nodeId).toBe(quota.mentees + quota.mentors);
    // a mentor has at most 2 open tandems in a cohort
    for (const mentor of new Set(past.pairs.map((pair) => pair.mentor))) expect(past.pairs.filter((pair) => pair.mentor === mentor).length, mentor).toBeLessThanOrEqual(2);
  });
});

describe("texts in other languages (README: Languages)", () => {
  const languages = ["de", "en", "fr", "cs", "lb"];
  const own = (texts: TextsSeed | undefined) => texts?.language ?? "en";
  const languagesOf = (texts: TextsSeed | undefined) => [own(texts), ...(texts?.translations ?? []).map((translation) => translation.language)];

  it("name only seeded programmes, cohorts and events, each language supported and at most once", () => {
    for (const name of Object.keys(programmeTexts)) expect(programmeSeeds.map((programme) => programme.name)).toContain(name);
    const cohortNames = programmeSeeds.flatMap((programme) => [programme.cohort, programme.openCohort, programme.pastCohort].flatMap((cohort) => (cohort ? [cohort.name] : [])));
    for (const name of Object.keys(cohortTexts)) expect(cohortNames).toContain(name);
    for (const reference of Object.keys(eventTexts)) expect(events.has(reference), reference).toBe(true);
    for (const texts of [...Object.values(programmeTexts), ...Object.values(cohortTexts), ...Object.values(eventTexts)]) {
      const used = languagesOf(texts);
      expect(new Set(used).size).toBe(used.length);
      for (const language of used) expect(languages).toContain(language);
    }
  });

  it("give every programme, track, cohort and event German and English, and careerSTEPS Czech too", () => {
    for (const programme of programmeSeeds) {
      const texts = programmeTexts[programme.name];
      expect(languagesOf(texts), programme.name).toEqual(expect.arrayContaining(["de", "en"]));
      for (const track of programme.tracks)
        expect(
          texts!.tracks[track.code]?.map((translation) => translation.language),
          `${programme.name} ${track.code}`,
        ).toContain("de");
      expect(languagesOf(cohortTexts[programme.cohort.name])).toEqual(expect.arrayContaining(["de", "en"]));
    }
    for (const event of eventSeeds) expect(languagesOf(eventTexts[referenceOf(event.node, event.key)]), `${event.node}/${event.key}`).toEqual(expect.arrayContaining(["de", "en"]));
    const steps = programmeSeeds.find((programme) => programme.name.startsWith("careerSTEPS"))!;
    expect(languagesOf(programmeTexts[steps.name])).toContain("cs");
    for (const track of steps.tracks) expect(programmeTexts[steps.name]!.tracks[track.code]!.map((translation) => translation.language)).toContain("cs");
    expect(languagesOf(cohortTexts[steps.cohort.name])).toContain("cs");
    for (const event of eventSeeds.filter((each) => each.tracks.some((track) => steps.tracks.some((own) => own.code === track)) && steps.participatingNodeIds.includes(each.node))) {
      expect(languagesOf(eventTexts[referenceOf(event.node, event.key)]), `${event.node}/${event.key}`).toContain("cs");
    }
  });
});
