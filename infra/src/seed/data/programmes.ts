/**
 * The consortium's programmes. The industrial mentorship programme follows
 * HS Trier's model (doctoral candidates only, nine months, three profile
 * tracks, industry mentors with a doctorate and experience) with a small
 * first cohort, and takes applications for the next; the cross-border
 * programme follows the ZČU–OTH Amberg-Weiden pilot: ten master students
 * from Bavaria, who applied and were accepted, ten mentors from Plzeň, ten
 * tandems started by their signed agreements, one of them mediated and its
 * mentee re-matched; its pilot season, a year before, closed. The joint
 * matching programme (default rules) has no tandems yet: its people consent
 * to joint matching, and a joint coordinator's matching round proposes the
 * tandems.
 */
import type { CompletionRules } from "@tandem/shared";
import type { PairSeed, PastCohortSeed, ProgrammeSeed } from "../types.js";

/** The industrial mentorship's rules, as its closing event awards them: agreement, kick-off, two mandatory trainings, six meetings, the final evaluation, the closing event, the package; mentors a participation set. */
const industrialCompletion: CompletionRules = {
  mentee: [
    { code: "AGREEMENT_SIGNED", count: null },
    { code: "KICK_OFF_ATTENDED", count: null },
    { code: "MANDATORY_TRAININGS_ATTENDED", count: 2 },
    { code: "MEETINGS_LOGGED", count: 6 },
    { code: "FINAL_EVALUATION_SUBMITTED", count: null },
    { code: "CLOSING_ATTENDED", count: null },
    { code: "PACKAGE_COMPLETE", count: null },
  ],
  mentor: [
    { code: "AGREEMENT_SIGNED", count: null },
    { code: "MEETINGS_LOGGED", count: 6 },
    { code: "FINAL_EVALUATION_SUBMITTED", count: null },
  ],
};

/**
 * careerSTEPS asks its mentees for nine meetings over the season: in the
 * pilot, the pair that met every five weeks logged eight, so Petra Králová
 * has one rule open; everyone else of the pilot completed it.
 */
const stepsCompletion: CompletionRules = {
  mentee: [
    { code: "AGREEMENT_SIGNED", count: null },
    { code: "MEETINGS_LOGGED", count: 9 },
    { code: "FINAL_EVALUATION_SUBMITTED", count: null },
    { code: "PACKAGE_COMPLETE", count: null },
  ],
  mentor: [
    { code: "AGREEMENT_SIGNED", count: null },
    { code: "MEETINGS_LOGGED", count: 6 },
    { code: "FINAL_EVALUATION_SUBMITTED", count: null },
  ],
};
import { stepsAgreements } from "./agreements.js";
import { industrialMentorshipApplications, industrialMentorshipRefusals, stepsApplications } from "./applications.js";

export const industrialMentorship: ProgrammeSeed = {
  name: "Industrial Mentorship Programme",
  description:
    "Nine months of career mentoring, networking and training for doctoral candidates of HS Trier and its Greater Region partners who aim for a career in industry, business or society. Mentors are leaders who moved into industry after their own doctorate.",
  tracks: [
    { code: "health", name: "Health" },
    { code: "sustainability", name: "Sustainability" },
    { code: "digitalisation", name: "Digitalisation" },
  ],
  participatingNodeIds: ["hst", "unilu", "ul"],
  crossBorderRule: "NONE",
  completionRules: industrialCompletion,
  eligibility: {
    mentee: { minSemester: { DOCTORAL: 1 } },
    mentor: { backgrounds: ["PROFESSIONAL", "ALUMNUS"], minExperienceYears: 5 },
    languages: ["de", "en", "fr"],
  },
  cohort: {
    name: "Industrial Mentorship",
    startsAfterDays: 14,
    durationMonths: 9,
    quotas: [
      { nodeId: "hst", mentees: 3, mentors: 2 },
      { nodeId: "unilu", mentees: 1, mentors: 2 },
      { nodeId: "ul", mentees: 1, mentors: 1 },
    ],
  },
  pairs: [
    { track: "health", mentee: "hst/lena.hoffmann@hs-trier.example", mentor: "ul/elodie.fontaine@nancy-medtech.example" },
    { track: "health", mentee: "unilu/laura.kieffer@uni-lu.example", mentor: "hst/katrin.becker@moselklinik-digital.example" },
    { track: "sustainability", mentee: "hst/jonas.weber@hs-trier.example", mentor: "unilu/marc.reuter@minett-materials.example" },
    { track: "sustainability", mentee: "ul/claire.dubois@univ-lorraine.example", mentor: "hst/markus.schneider@hunsrueck-werkstoffe.example" },
    { track: "digitalisation", mentee: "hst/miriam.schaefer@hs-trier.example", mentor: "unilu/anne.thill@banque-alzette.example" },
  ],
  activateTandems: false,
  // mentees of three universities; the programme lets the groups' meetings count toward the package
  peerGroups: {
    meetingsCount: true,
    groups: [
      {
        name: "Founders' circle",
        topic: "Starting a company after the doctorate: spin-offs, funding, first customers",
        mode: "FORMED",
        sizeLimit: 6,
        invited: ["hst/lena.hoffmann@hs-trier.example", "unilu/laura.kieffer@uni-lu.example", "ul/claire.dubois@univ-lorraine.example"],
        // Claire has not answered yet: she sees no name, and no one sees hers
        consenting: ["hst/lena.hoffmann@hs-trier.example", "unilu/laura.kieffer@uni-lu.example"],
      },
      {
        name: "Writing up",
        topic: "The last year of the thesis: writing weeks, deadlines, defence practice",
        mode: "OPEN",
        invited: [],
        consenting: ["hst/jonas.weber@hs-trier.example", "ul/claire.dubois@univ-lorraine.example"],
      },
    ],
  },
  openCohort: {
    name: "Industrial Mentorship",
    // next season's, a year after this one
    startsAfterDays: 14 + 364,
    durationMonths: 9,
    quotas: [
      { nodeId: "hst", mentees: 3, mentors: 2 },
      { nodeId: "unilu", mentees: 1, mentors: 1 },
      { nodeId: "ul", mentees: 2, mentors: 1 },
    ],
    opensDaysBefore: 14,
    closesDaysAfter: 56,
    applications: industrialMentorshipApplications,
    ineligibleAttempts: industrialMentorshipRefusals,
  },
};

const stepsPairs: PairSeed[] = [
  { track: "engineering", mentee: "othaw/m.bauer@oth-aw.example", mentor: "zcu/martin.cerny@zcu.example" },
  { track: "engineering", mentee: "othaw/s.lehner@oth-aw.example", mentor: "zcu/tereza.dvorakova@zcu.example" },
  { track: "engineering", mentee: "othaw/l.wittmann@oth-aw.example", mentor: "zcu/petr.svoboda@zcu.example" },
  { track: "engineering", mentee: "othaw/t.meier@oth-aw.example", mentor: "zcu/tomas.kucera@zcu.example" },
  { track: "engineering", mentee: "othaw/f.hartl@oth-aw.example", mentor: "zcu/jakub.horak@zcu.example" },
  { track: "engineering", mentee: "othaw/s.dietl@oth-aw.example", mentor: "zcu/lucie.prochazkova@zcu.example" },
  { track: "economics", mentee: "othaw/a.ziegler@oth-aw.example", mentor: "zcu/ondrej.pokorny@zcu.example" },
  { track: "economics", mentee: "othaw/l.gruber@oth-aw.example", mentor: "zcu/jana.novakova@zcu.example" },
  { track: "economics", mentee: "othaw/j.reindl@oth-aw.example", mentor: "zcu/katerina.vesela@zcu.example" },
  { track: "economics", mentee: "othaw/k.schmid@oth-aw.example", mentor: "zcu/eva.markova@zcu.example" },
];

/**
 * The pilot season, a year before this one and closed: five students of
 * ZČU with mentors from Bavarian companies (enough tandems for the
 * monitoring to show figures); every tandem answered its mid-point
 * check-in, evaluated its goals and closed COMPLETED. Its economics mentors
 * mentor in no other cohort: what the office learns from their enrolments
 * (role, track) must leave every joint-matching profile of OTH
 * Amberg-Weiden among at least five people (e2e/reidentification).
 */
const stepsPilot: PastCohortSeed = {
  name: "careerSTEPS",
  startsAfterDays: 14 - 364,
  durationMonths: 9,
  quotas: [
    { nodeId: "zcu", mentees: 5, mentors: 0 },
    { nodeId: "othaw", mentees: 0, mentors: 4 },
  ],
  pairs: [
    {
      track: "engineering",
      mentee: "zcu/klara.benesova@students.zcu.example",
      mentor: "othaw/markus.pirner@amberg-software.example",
      closing: {
        checkIn: { mentee: 5, mentor: 4 },
        evaluation: {
          mentee: { shortTerm: "FULLY", longTerm: "PARTLY", programmeRating: 5, comment: "Seeing a software company from the inside settled my plans." },
          mentor: { shortTerm: "FULLY", longTerm: "PARTLY", programmeRating: 4, comment: "" },
        },
      },
    },
    {
      track: "engineering",
      mentee: "zcu/michaela.horakova@students.zcu.example",
      mentor: "othaw/stefanie.wurm@naab-kunststoff.example",
      closing: {
        checkIn: { mentee: 4, mentor: 4 },
        evaluation: {
          mentee: { shortTerm: "FULLY", longTerm: "FULLY", programmeRating: 5, comment: "" },
          mentor: { shortTerm: "PARTLY", longTerm: "FULLY", programmeRating: 5, comment: "We should have planned the plant visit earlier." },
        },
      },
    },
    {
      track: "economics",
      mentee: "zcu/jan.dvorak@students.zcu.example",
      mentor: "othaw/michael.zeitler@grenzland-handel.example",
      closing: {
        checkIn: { mentee: 3, mentor: 4 },
        evaluation: {
          mentee: { shortTerm: "PARTLY", longTerm: "NOT", programmeRating: 4, comment: "" },
          mentor: { shortTerm: "PARTLY", longTerm: "PARTLY", programmeRating: 4, comment: "" },
        },
      },
    },
    {
      track: "engineering",
      mentee: "zcu/petra.kralova@students.zcu.example",
      mentor: "othaw/markus.pirner@amberg-software.example",
      closing: {
        checkIn: { mentee: 4, mentor: 3 },
        evaluation: {
          mentee: { shortTerm: "FULLY", longTerm: "PARTLY", programmeRating: 4, comment: "" },
          mentor: { shortTerm: "PARTLY", longTerm: "PARTLY", programmeRating: 4, comment: "" },
        },
      },
    },
    {
      track: "economics",
      mentee: "zcu/david.simek@students.zcu.example",
      mentor: "othaw/sabine.rauch@oberpfalz-energie.example",
      closing: {
        checkIn: { mentee: 4, mentor: 5 },
        evaluation: {
          mentee: { shortTerm: "FULLY", longTerm: "FULLY", programmeRating: 5, comment: "The energy company's strategy team showed me what management research is for." },
          mentor: { shortTerm: "FULLY", longTerm: "PARTLY", programmeRating: 5, comment: "" },
        },
      },
    },
  ],
};

export const crossBorderSteps: ProgrammeSeed = {
  name: "careerSTEPS cross-border mentoring",
  description:
    "Master students of OTH Amberg-Weiden who consider a doctorate are paired with researchers of the University of West Bohemia. Tandems meet online, in Plzeň and in Amberg, and visit labs, conferences and companies together.",
  tracks: [
    { code: "engineering", name: "Engineering and computing" },
    { code: "economics", name: "Economics and management" },
  ],
  participatingNodeIds: ["zcu", "othaw"],
  crossBorderRule: "DIFFERENT_COUNTRY",
  completionRules: stepsCompletion,
  // master students in any semester; mentors are researchers of ZČU
  eligibility: {
    mentee: { minSemester: { MASTER: 1 } },
    mentor: { backgrounds: ["PROFESSIONAL"], minExperienceYears: null },
    languages: [],
  },
  cohort: {
    name: "careerSTEPS",
    startsAfterDays: 14,
    durationMonths: 9,
    quotas: [
      { nodeId: "othaw", mentees: 10, mentors: 0 },
      { nodeId: "zcu", mentees: 0, mentors: 10 },
    ],
  },
  // the mentees apply and are accepted by OTH Amberg-Weiden; their mentors are enrolled by a coordinator
  applications: stepsApplications(stepsPairs),
  pairs: stepsPairs,
  activateTandems: true,
  agreements: stepsAgreements,
  // her mentor's teaching moved onto her exam weeks; another mentor of the Faculty of Economics takes over
  rematch: { mentee: "othaw/k.schmid@oth-aw.example", concern: "AVAILABILITY", newMentor: "zcu/katerina.vesela@zcu.example" },
  pastCohort: stepsPilot,
};

/**
 * Eleven mentees and seven mentors of all five nodes, none of them in a
 * tandem yet. A round should propose nine tandems and leave two mentees
 * unmatched: Niklas Brandt, whose one health mentor at another node (Yves
 * Schmit) leads the company he works for, and one of three engineering
 * mentees for two engineering places.
 */
export const jointMatching: ProgrammeSeed = {
  name: "Greater Region joint matching",
  description:
    "Mentees and mentors of the Greater Region universities, ZČU and OTH Amberg-Weiden who consent to joint matching are paired across nodes by the coordination office's matching round, on tracks, disciplines, goals, languages, meeting format and region. Profiles leave each university only under a pseudonym; employers and supervisors only as conflict tokens.",
  tracks: [
    { code: "health", name: "Health" },
    { code: "sustainability", name: "Sustainability" },
    { code: "digitalisation", name: "Digitalisation" },
    { code: "engineering", name: "Engineering and computing" },
  ],
  participatingNodeIds: ["hst", "unilu", "ul", "zcu", "othaw"],
  crossBorderRule: "DIFFERENT_NODE",
  cohort: {
    name: "Joint matching",
    startsAfterDays: 28,
    durationMonths: 9,
    quotas: [
      { nodeId: "hst", mentees: 3, mentors: 2 },
      { nodeId: "unilu", mentees: 2, mentors: 2 },
      { nodeId: "ul", mentees: 4, mentors: 2 },
      { nodeId: "zcu", mentees: 2, mentors: 0 },
      { nodeId: "othaw", mentees: 0, mentors: 1 },
    ],
  },
  pairs: [],
  activateTandems: false,
  matchingConsents: [
    "hst/aylin.demir@hs-trier.example",
    "hst/kwame.mensah@hs-trier.example",
    "hst/niklas.brandt@hs-trier.example",
    "unilu/pit.majerus@uni-lu.example",
    "unilu/ines.ferreira@uni-lu.example",
    "ul/theo.lambert@univ-lorraine.example",
    "ul/camille.girard@univ-lorraine.example",
    "ul/manon.lefevre@univ-lorraine.example",
    "ul/hugo.moreau@univ-lorraine.example",
    "zcu/adela.krizova@zcu.example",
    "zcu/vojtech.maly@zcu.example",
    "hst/thomas.endres@trierer-datenwerk.example",
    "hst/stefan.kohl@moselwerk-automation.example",
    "unilu/yves.schmit@luxmed-analytics.example",
    "unilu/martine.kremer@ecotech-luxembourg.example",
    "ul/nicolas.martin@hydrogene-lorraine.example",
    "ul/karim.benali@lorraine-cloud.example",
    "othaw/bernhard.kellner@oberpfalz-medical.example",
  ],
};

export const programmeSeeds: ProgrammeSeed[] = [industrialMentorship, crossBorderSteps, jointMatching];
