/**
 * careerSTEPS around its tandems this season: an interest survey that six
 * mentees of OTH Amberg-Weiden answer at home, the two topics with the most
 * points chosen as MANDATORY trainings and scheduled by ZČU, an online
 * orientation at ZČU that began as the demo was seeded (its attendance
 * recorded, so the mentees' packages show progress), a company visit and a
 * workshop to choose from, and a mentee's calendar subscription.
 */
import type { AttendanceStatus } from "@tandem/shared";
import type { EventSeed } from "../types.js";

/** An event of the cohort: its obligation and audience there. */
export interface CohortEventSeed extends Omit<EventSeed, "visibility"> {
  obligation: "MANDATORY" | "VOLUNTARY";
  audience: "MENTEES" | "MENTORS" | "BOTH";
}

export interface SeasonSeed {
  /** The programme whose RUNNING cohort this is. */
  programme: string;
  survey: { title: string; topics: { code: string; title: string }[]; closesAfterDays: number };
  /** "node/email" → topic codes, most wanted first: each ranks at home. */
  rankings: Record<string, string[]>;
  /** How many of the most-pointed topics become MANDATORY trainings. */
  trainingsChosen: number;
  /** The node that schedules the trainings, and each topic's event should it be chosen (week, time, format…). */
  trainingHost: string;
  trainingEvents: Record<string, Omit<EventSeed, "node" | "key" | "kind" | "visibility">>;
  /** Under way when seeding ends: registered, then attendance recorded by the host once it started. */
  startedEvent: Omit<CohortEventSeed, "week" | "weekday" | "localStart"> & { attendance: Record<string, AttendanceStatus> };
  voluntaryEvents: CohortEventSeed[];
  /** "node/email" of those who register for each training and voluntary event ("training:<code>" or the event's "node/key"). */
  registrations: Record<string, string[]>;
  /** Who subscribes to their calendar ("node/email"): the seed prints the URL. */
  calendarFeed: string;
}

const AMBERG = "OTH Amberg-Weiden, Kaiser-Wilhelm-Ring 23, Amberg";
const STEPS = ["engineering", "economics"];
const mentee = (email: string) => `othaw/${email}@oth-aw.example`;
const SURVEYED = ["m.bauer", "s.lehner", "l.wittmann", "t.meier", "a.ziegler", "l.gruber"].map(mentee);

export const stepsSeason: SeasonSeed = {
  programme: "careerSTEPS cross-border mentoring",
  survey: {
    title: "careerSTEPS trainings: what would help you most on the way to a doctorate?",
    topics: [
      { code: "PROPOSAL", title: "Writing a research proposal" },
      { code: "CONFERENCE", title: "Presenting at a scientific conference" },
      { code: "FUNDING", title: "Funding a doctorate in Czechia and Bavaria" },
      { code: "WRITING", title: "Scientific writing in English" },
      { code: "CAREERS", title: "Careers in industrial research" },
    ],
    closesAfterDays: 14,
  },
  // Borda points over five topics: PROPOSAL 26, FUNDING 18, CONFERENCE 17, CAREERS 13, WRITING 5
  rankings: {
    [mentee("m.bauer")]: ["PROPOSAL", "FUNDING", "CONFERENCE"],
    [mentee("s.lehner")]: ["CONFERENCE", "PROPOSAL", "WRITING", "FUNDING"],
    [mentee("l.wittmann")]: ["PROPOSAL", "CONFERENCE", "CAREERS"],
    [mentee("t.meier")]: ["FUNDING", "PROPOSAL", "CONFERENCE", "WRITING", "CAREERS"],
    [mentee("a.ziegler")]: ["CAREERS", "FUNDING", "PROPOSAL"],
    [mentee("l.gruber")]: ["PROPOSAL", "CAREERS", "FUNDING", "CONFERENCE"],
  },
  trainingsChosen: 2,
  trainingHost: "zcu",
  trainingEvents: {
    PROPOSAL: {
      title: "careerSTEPS training: a research proposal in five steps",
      description: "Research question, state of the art, method, work plan and budget, drafted on one page and discussed with a ZČU researcher.",
      week: 6,
      weekday: 3,
      localStart: "14:00",
      durationMinutes: 180,
      format: "ONLINE",
      onlineUrl: "https://meet.zcu.example/steps-proposal",
      capacity: 20,
      tracks: STEPS,
    },
    FUNDING: {
      title: "careerSTEPS training: funding a doctorate in Czechia and Bavaria",
      description: "Positions, scholarships, cooperative doctorates and what each side of the border pays for, with the doctoral offices of both universities.",
      week: 12,
      weekday: 2,
      localStart: "16:00",
      durationMinutes: 120,
      format: "ONLINE",
      onlineUrl: "https://meet.zcu.example/steps-funding",
      capacity: 20,
      tracks: STEPS,
    },
    CONFERENCE: {
      title: "careerSTEPS training: your first conference talk",
      description: "Abstract, slides and questions from the audience, rehearsed.",
      week: 12,
      weekday: 4,
      localStart: "14:00",
      durationMinutes: 180,
      format: "ONLINE",
      onlineUrl: "https://meet.zcu.example/steps-conference",
      capacity: 20,
      tracks: STEPS,
    },
    CAREERS: {
      title: "careerSTEPS training: careers in industrial research",
      description: "Researchers from regional companies on R&D careers with and without a doctorate.",
      week: 14,
      weekday: 2,
      localStart: "16:00",
      durationMinutes: 120,
      format: "ONLINE",
      onlineUrl: "https://meet.zcu.example/steps-careers",
      capacity: 20,
      tracks: STEPS,
    },
    WRITING: {
      title: "careerSTEPS training: scientific writing in English",
      description: "Clear sentences and honest claims, practised on the participants' own texts.",
      week: 14,
      weekday: 4,
      localStart: "09:00",
      durationMinutes: 240,
      format: "ONLINE",
      onlineUrl: "https://meet.zcu.example/steps-writing",
      capacity: 20,
      tracks: STEPS,
    },
  },
  startedEvent: {
    node: "zcu",
    key: "steps-orientation",
    kind: "KICK_OFF",
    title: "careerSTEPS online orientation: research at ZČU",
    description: "The mentors' faculties introduce their labs and doctoral programmes; the mentees ask what a doctorate in Plzeň would look like.",
    durationMinutes: 90,
    format: "ONLINE",
    onlineUrl: "https://meet.zcu.example/steps-orientation",
    capacity: 30,
    tracks: STEPS,
    obligation: "MANDATORY",
    audience: "MENTEES",
    attendance: {
      [mentee("m.bauer")]: "ATTENDED",
      [mentee("s.lehner")]: "ATTENDED",
      [mentee("l.wittmann")]: "ATTENDED",
      [mentee("t.meier")]: "ATTENDED",
      [mentee("a.ziegler")]: "EXCUSED",
      [mentee("l.gruber")]: "NO_SHOW",
    },
  },
  voluntaryEvents: [
    {
      node: "zcu",
      key: "steps-site-visit-ntis",
      kind: "SITE_VISIT",
      title: "careerSTEPS site visit: the NTIS research labs in Plzeň",
      description: "Tandems tour the materials and cybernetics labs of the NTIS research centre and meet the doctoral students who work there.",
      week: 9,
      weekday: 5,
      localStart: "10:00",
      durationMinutes: 240,
      format: "IN_PERSON",
      location: "University of West Bohemia, NTIS research centre, Technická 8, Plzeň",
      capacity: 16,
      tracks: ["engineering"],
      obligation: "VOLUNTARY",
      audience: "BOTH",
    },
    {
      node: "othaw",
      key: "steps-workshop-poster",
      kind: "WORKSHOP",
      title: "careerSTEPS workshop: a research poster in one afternoon",
      description: "Mentees turn their master's project into a poster and get feedback from each other and a mentor.",
      week: 10,
      weekday: 3,
      localStart: "13:00",
      durationMinutes: 240,
      format: "IN_PERSON",
      location: AMBERG,
      capacity: 12,
      tracks: STEPS,
      obligation: "VOLUNTARY",
      audience: "MENTEES",
    },
  ],
  registrations: {
    "training:PROPOSAL": SURVEYED,
    "training:FUNDING": SURVEYED,
    "zcu/steps-site-visit-ntis": [mentee("m.bauer"), mentee("t.meier"), mentee("s.dietl")],
    "othaw/steps-workshop-poster": [mentee("m.bauer"), mentee("s.lehner"), mentee("l.gruber"), mentee("f.hartl")],
  },
  calendarFeed: mentee("m.bauer"),
};
