/**
 * Applications, as the people wrote them. Next season's industrial
 * mentorship cohort is open: at HS Trier one applicant was accepted, one
 * waits for the review, one has a draft; at Uni.lu two were accepted for one
 * place, so the second waits on the waitlist; at Université de Lorraine a
 * mentor was accepted, one doctoral candidate was rejected (with the reason
 * the coordinator gave) and one withdrew. A bachelor student of HS Trier is
 * refused by the programme's rules. The ten careerSTEPS mentees of OTH
 * Amberg-Weiden applied for this season's cohort and were accepted.
 */
import type { ApplicationForm, ApplicationSeed, IneligibleAttemptSeed, PairSeed, ParticipantSeed } from "../types.js";
import { participantSeeds } from "./participants.js";
import { referenceOf } from "../references.js";

export const industrialMentorshipApplications: ApplicationSeed[] = [
  {
    applicant: "hst/hannah.schmitt@hs-trier.example",
    form: {
      role: "MENTEE",
      motivation:
        "My doctoral project develops sensors for monitoring patients at home. I want to understand how medical device companies turn such research into products, and what they expect of someone who joins them after a doctorate.",
      shortTermGoals: "Visit a medical device maker with my mentor and learn how regulatory work shapes a product's development.",
      longTermGoals: "Lead the development of a diagnostic device in a company of the Greater Region.",
      trackCodes: ["health"],
      languages: ["de", "en"],
      availabilityHoursPerMonth: 5,
      meetingFormats: ["HYBRID", "IN_PERSON"],
    },
    submit: true,
    review: { decision: "ACCEPT" },
    expect: "ENROLLED",
  },
  {
    applicant: "hst/david.krueger@hs-trier.example",
    form: {
      role: "MENTEE",
      motivation:
        "After three semesters on fault-tolerant distributed systems I am unsure whether to found a company with my research group or to join an established software firm. A mentor who has done one of the two would help me decide.",
      shortTermGoals: "Compare both paths with someone who took one of them, and test my idea on potential customers.",
      longTermGoals: "Run a software company that builds on research done in the region.",
      trackCodes: ["digitalisation"],
      languages: ["de", "en"],
      availabilityHoursPerMonth: 4,
      meetingFormats: ["ONLINE"],
    },
    submit: true,
    expect: "SUBMITTED",
  },
  {
    applicant: "hst/lukas.berger@hs-trier.example",
    form: {
      role: "MENTEE",
      motivation: "I started my doctorate on grid storage this autumn and would like to know early which skills industry values most.",
      shortTermGoals: "Meet engineers who plan storage for regional energy suppliers.",
      trackCodes: ["sustainability"],
      languages: ["de", "en", "fr"],
      availabilityHoursPerMonth: 4,
      meetingFormats: ["IN_PERSON"],
    },
    submit: false,
    expect: "DRAFT",
  },
  {
    applicant: "unilu/jil.schroeder@uni-lu.example",
    form: {
      role: "MENTEE",
      motivation:
        "I study how neurons age and would like to move into clinical research in industry. I know little about how pharmaceutical companies organise their research, and a mentor from the field would show me.",
      shortTermGoals: "Learn how a clinical study is planned in a company, and build a network in Luxembourg's health sector.",
      longTermGoals: "Manage clinical research projects for a pharmaceutical or diagnostics company.",
      trackCodes: ["health"],
      languages: ["lb", "fr", "en"],
      availabilityHoursPerMonth: 5,
      meetingFormats: ["HYBRID"],
    },
    submit: true,
    review: { decision: "ACCEPT" },
    expect: "ENROLLED",
  },
  {
    applicant: "unilu/ben.goedert@uni-lu.example",
    form: {
      role: "MENTEE",
      motivation: "My research on the security of payment systems is close to what Luxembourg's banks need. I want to learn how a researcher becomes useful to a bank without giving up depth.",
      shortTermGoals: "Understand how a bank's security team works and which of my results it could use.",
      longTermGoals: "Lead a security research team in the financial sector.",
      trackCodes: ["digitalisation"],
      languages: ["lb", "de", "en"],
      availabilityHoursPerMonth: 4,
      meetingFormats: ["ONLINE", "HYBRID"],
    },
    submit: true,
    review: { decision: "ACCEPT" },
    expect: "WAITLISTED",
  },
  {
    applicant: "ul/isabelle.roche@lorraine-sante-numerique.example",
    form: {
      role: "MENTOR",
      motivation:
        "I left the lab for health data science twelve years ago and now lead a team of twenty. I would like to help a doctoral candidate avoid the detours I took and see what industry really asks of researchers.",
      shortTermGoals: "Help my mentee set concrete goals for the nine months and open doors to two or three companies.",
      longTermGoals: "Build a lasting link between my company and the university's doctoral school.",
      trackCodes: ["health"],
      languages: ["fr", "en"],
      availabilityHoursPerMonth: 4,
      meetingFormats: ["HYBRID", "ONLINE"],
      mentorCapacity: 1,
      experienceYears: 12,
    },
    submit: true,
    review: { decision: "ACCEPT" },
    expect: "ENROLLED",
  },
  {
    applicant: "ul/julie.bernard@univ-lorraine.example",
    form: {
      role: "MENTEE",
      motivation: "I will defend my thesis on soil remediation next spring and am looking for my first position in environmental consulting.",
      shortTermGoals: "Prepare applications to consulting firms and rehearse interviews.",
      longTermGoals: "Work as an environmental consultant for industrial sites.",
      trackCodes: ["sustainability"],
      languages: ["fr", "en"],
      availabilityHoursPerMonth: 3,
      meetingFormats: ["IN_PERSON"],
    },
    submit: true,
    review: {
      decision: "REJECT",
      reason:
        "The cohort starts after your defence, while the programme accompanies doctoral candidates during their doctorate. The career service's coaching for young doctors fits your plans better; we have passed on your contact.",
    },
    expect: "REJECTED",
  },
  {
    applicant: "ul/mathis.roux@univ-lorraine.example",
    form: {
      role: "MENTEE",
      motivation: "I want to see how drug development works in companies before I decide where to go after my doctorate.",
      shortTermGoals: "Spend a day with a company's formulation team.",
      longTermGoals: "Work in pharmaceutical development in France or Germany.",
      trackCodes: ["health"],
      languages: ["fr", "en", "de"],
      availabilityHoursPerMonth: 4,
      meetingFormats: ["HYBRID"],
    },
    submit: true,
    withdraw: true,
    expect: "WITHDRAWN",
  },
];

export const industrialMentorshipRefusals: IneligibleAttemptSeed[] = [
  {
    applicant: "hst/paul.neumann@hs-trier.example",
    form: {
      role: "MENTEE",
      motivation: "I would like a mentor from industry to help me choose my specialisation for the rest of my studies.",
      shortTermGoals: "Choose the electives of my next semesters.",
      longTermGoals: "Work as a software engineer in a company of the region.",
      trackCodes: ["digitalisation"],
      languages: ["de", "en"],
      availabilityHoursPerMonth: 3,
      meetingFormats: ["ONLINE"],
    },
    rule: "mentee.degreeLevel",
  },
];

const people = new Map(participantSeeds.map((person) => [referenceOf(person.node, person.email), person]));

/** What a careerSTEPS mentee writes: the same call for applications answered from their own studies and profile. */
function stepsForm(person: ParticipantSeed, track: string): ApplicationForm {
  return {
    role: "MENTEE",
    motivation: `I study ${person.discipline} at OTH Amberg-Weiden and am considering a doctorate. A researcher in Plzeň could show me how a doctoral project begins, how it is funded and what it asks of me.`,
    shortTermGoals: "Decide within the programme whether to apply for a doctorate, and sharpen a possible research topic with my mentor.",
    longTermGoals: "A cooperative doctorate between Bavaria and Bohemia, then research in industry or at a university.",
    trackCodes: [track],
    languages: person.languages,
    availabilityHoursPerMonth: person.availabilityHoursPerMonth ?? 4,
    meetingFormats: [person.meetingFormat ?? "HYBRID"],
  };
}

/** Each mentee of the pairs applies and is accepted by OTH Amberg-Weiden's coordinator, in the pairs' order. */
export function stepsApplications(pairs: PairSeed[]): ApplicationSeed[] {
  return pairs.map((pair) => {
    const person = people.get(pair.mentee.toLowerCase());
    if (!person) throw new Error(`careerSTEPS names ${pair.mentee}, who is no seeded participant`);
    return { applicant: pair.mentee, form: stepsForm(person, pair.track), submit: true, review: { decision: "ACCEPT" }, expect: "ENROLLED" };
  });
}
