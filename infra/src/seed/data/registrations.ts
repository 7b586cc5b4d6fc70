/**
 * Registrations, many across nodes (a person of node A at an event of node
 * B). Order matters: the negotiation training has six seats, so the last
 * three people registered for it end up on its waitlist.
 */
import type { RegistrationSeed } from "../types.js";
import { crossBorderSteps, industrialMentorship } from "./programmes.js";

const at = (event: string, participants: string[]): RegistrationSeed[] => participants.map((participant) => ({ event, participant }));

const IMP_MENTEES = industrialMentorship.pairs.map((pair) => pair.mentee);
const IMP_MENTORS = industrialMentorship.pairs.map((pair) => pair.mentor);
const STEPS_MENTEES = crossBorderSteps.pairs.map((pair) => pair.mentee);
const STEPS_MENTORS = crossBorderSteps.pairs.map((pair) => pair.mentor);

export const registrationSeeds: RegistrationSeed[] = [
  ...at("hst/imp-kick-off", [...IMP_MENTEES, ...IMP_MENTORS]),
  ...at("hst/imp-training-negotiation", [
    ...IMP_MENTEES,
    "unilu/pit.majerus@uni-lu.example",
    "ul/theo.lambert@univ-lorraine.example",
    "hst/kwame.mensah@hs-trier.example",
    "hst/aylin.demir@hs-trier.example",
  ]),
  ...at("hst/career-international", ["hst/aylin.demir@hs-trier.example", "hst/kwame.mensah@hs-trier.example"]),
  ...at("hst/panel-health-industry", ["unilu/laura.kieffer@uni-lu.example", "othaw/s.lehner@oth-aw.example", "hst/lena.hoffmann@hs-trier.example"]),
  ...at("unilu/panel-sustainability", ["hst/jonas.weber@hs-trier.example", "ul/claire.dubois@univ-lorraine.example", "ul/nicolas.martin@hydrogene-lorraine.example", "unilu/ines.ferreira@uni-lu.example"]),
  ...at("unilu/expert-regulatory", ["hst/lena.hoffmann@hs-trier.example", "othaw/s.lehner@oth-aw.example", "unilu/laura.kieffer@uni-lu.example"]),
  ...at("ul/networking-metz", ["unilu/laura.kieffer@uni-lu.example", "hst/miriam.schaefer@hs-trier.example", "hst/kwame.mensah@hs-trier.example", "ul/camille.girard@univ-lorraine.example"]),
  ...at("ul/panel-hydrogen", ["hst/jonas.weber@hs-trier.example", "unilu/marc.reuter@minett-materials.example"]),
  ...at("zcu/steps-kick-off", [...STEPS_MENTEES, ...STEPS_MENTORS]),
  ...at("zcu/lab-visit-ntis", ["othaw/t.meier@oth-aw.example", "othaw/s.dietl@oth-aw.example", "othaw/f.hartl@oth-aw.example"]),
  ...at("othaw/steps-tandem-day", ["zcu/martin.cerny@zcu.example", "zcu/petr.svoboda@zcu.example", "othaw/m.bauer@oth-aw.example", "othaw/l.wittmann@oth-aw.example"]),
  ...at("othaw/panel-doctorate-haw", ["zcu/vojtech.maly@zcu.example", "zcu/adela.krizova@zcu.example", "hst/kwame.mensah@hs-trier.example"]),
];
