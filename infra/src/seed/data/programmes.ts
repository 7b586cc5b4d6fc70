/**
 * The consortium's programmes. The industrial mentorship programme follows
 * HS Trier's model (doctoral candidates, nine months, three profile tracks,
 * industry mentors with a doctorate) with a small first cohort; the
 * cross-border programme follows the ZČU–OTH Amberg-Weiden pilot: ten master
 * students from Bavaria, ten mentors from Plzeň, ten tandems.
 */
import type { ProgrammeSeed } from "../types.js";

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
  cohort: {
    name: "careerSTEPS",
    startsAfterDays: 14,
    durationMonths: 9,
    quotas: [
      { nodeId: "othaw", mentees: 10, mentors: 0 },
      { nodeId: "zcu", mentees: 0, mentors: 10 },
    ],
  },
  pairs: [
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
  ],
  activateTandems: true,
};

export const programmeSeeds: ProgrammeSeed[] = [industrialMentorship, crossBorderSteps];
