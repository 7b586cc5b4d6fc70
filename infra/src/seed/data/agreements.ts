/**
 * careerSTEPS agreements, as a mentee drafts one at the kick-off: goals a
 * master student who considers a doctorate sets with a researcher across
 * the border, how often and how they meet, how they give feedback.
 */
import type { AgreementSeed } from "../types.js";

export const stepsAgreements: Record<string, AgreementSeed> = {
  engineering: {
    shortTermGoals: [
      { text: "Decide by spring whether a doctorate in engineering is the right next step, after seeing a research group at work in Plzeň." },
      { text: "Turn the master's thesis topic into a one-page research proposal and discuss it with the mentor." },
    ],
    longTermGoals: [{ text: "Start a doctorate or an industrial research position in Germany or Czechia after the master's degree." }],
    contactForms: ["ONLINE", "IN_PERSON", "VISIT"],
    frequency: "Online every three weeks, one hour; a lab visit in Plzeň and one in Amberg per semester",
    feedbackForm: "A short written note after each meeting; an open conversation at mid-term and at the end",
  },
  economics: {
    shortTermGoals: [
      { text: "Understand what a doctorate in economics or management involves, from topic to defence, and what it leads to." },
      { text: "Present the master's thesis idea at a research seminar of the Faculty of Economics in Plzeň." },
    ],
    longTermGoals: [{ text: "Build a network in Czech-Bavarian research and business for a career in cross-border management." }],
    contactForms: ["ONLINE", "IN_PERSON", "EMAIL"],
    frequency: "Online once a month, one hour; e-mail in between; one visit in Plzeň per semester",
    feedbackForm: "Five minutes of feedback at the end of every meeting; a written summary at mid-term",
  },
};
