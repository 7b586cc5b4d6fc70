/**
 * What the seed asks the coordination office to create: programmes with
 * their rules for applications, and cohorts with dates derived from the
 * seeding day and an application window that fits how the cohort is seeded.
 */
import { StudentDegreeLevels, type EligibilityRules } from "@tandem/shared";
import { addDays, addMonths, isoDate } from "./season.js";
import type { CohortSeed, OpenCohortSeed, ProgrammeSeed } from "./types.js";
import { cohortTexts, programmeTexts } from "./data/translations.js";

export function programmeInput(programme: ProgrammeSeed): Record<string, unknown> {
  const { name, description, tracks, participatingNodeIds, crossBorderRule, eligibility } = programme;
  const texts = programmeTexts[name];
  return {
    name,
    description,
    ...(texts?.language ? { language: texts.language } : {}),
    translations: texts?.translations ?? [],
    tracks: tracks.map((track) => ({ ...track, translations: texts?.tracks[track.code] ?? [] })),
    participatingNodeIds,
    crossBorderRule,
    ...(eligibility ? { eligibility: eligibilityInput(eligibility) } : {}),
  };
}

/** The contract's rules as EligibilityRulesInput: the minimum semesters as a list, in the contract's order of degree levels. */
export function eligibilityInput(rules: EligibilityRules): Record<string, unknown> {
  const minSemester = StudentDegreeLevels.flatMap((degreeLevel) => {
    const minimum = rules.mentee.minSemester[degreeLevel];
    return minimum === undefined ? [] : [{ degreeLevel, minSemester: minimum }];
  });
  return { mentee: { minSemester }, mentor: rules.mentor, languages: rules.languages };
}

export interface ApplicationWindow {
  applicationsOpenAt: string;
  applicationsCloseAt: string;
}

/** Applications were taken before the demo begins: from six weeks to one week before the seeding day. */
export function windowBeforeSeeding(seasonStart: Date): ApplicationWindow {
  return { applicationsOpenAt: addDays(seasonStart, -42).toISOString(), applicationsCloseAt: addDays(seasonStart, -7).toISOString() };
}

/** Open since six weeks, until a week after the seeding day: people apply while the seed runs, and the window is closed when the review begins. */
export function windowAroundSeeding(seasonStart: Date): ApplicationWindow {
  return { applicationsOpenAt: addDays(seasonStart, -42).toISOString(), applicationsCloseAt: addDays(seasonStart, 7).toISOString() };
}

export function openWindow(cohort: OpenCohortSeed, seasonStart: Date): ApplicationWindow {
  return { applicationsOpenAt: addDays(seasonStart, -cohort.opensDaysBefore).toISOString(), applicationsCloseAt: addDays(seasonStart, cohort.closesDaysAfter).toISOString() };
}

export function cohortInput(cohort: CohortSeed, programmeId: string, seasonStart: Date, window: ApplicationWindow): Record<string, unknown> {
  const startsOn = addDays(seasonStart, cohort.startsAfterDays);
  const endsOn = addMonths(startsOn, cohort.durationMonths);
  const season = academicYear(startsOn);
  const translations = (cohortTexts[cohort.name]?.translations ?? []).map((translation) => ({ language: translation.language, name: `${translation.name} ${season}` }));
  return { programmeId, name: `${cohort.name} ${season}`, translations, startsOn: isoDate(startsOn), endsOn: isoDate(endsOn), quotas: cohort.quotas, ...window };
}

/** The academic year a cohort starting on `date` belongs to: "2026/27" from August 2026 to July 2027. */
export function academicYear(date: Date): string {
  const first = date.getUTCMonth() >= 7 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  return `${first}/${String((first + 1) % 100).padStart(2, "0")}`;
}
