/**
 * The texts of completion rules in every certificate language, as ICU
 * messages (intl-messageformat, as the certificate's own texts). Every
 * catalog has the same keys (tested). `required` and `actual` are numbers.
 */
import { IntlMessageFormat } from "intl-messageformat";
import type { CertificateLanguage } from "../credentials/certificate-messages.js";
import type { CompletionRuleCode } from "./completion-contract.js";

/** The texts' languages are the certificate's (without loading the credential libraries). */
export { isCertificateLanguage as isCompletionLanguage, type CertificateLanguage as CompletionLanguage } from "../credentials/certificate-messages.js";

/** Not a rule: what a node answers while it holds no completion rules of the programme. */
export const RULES_NOT_SET = "RULES_NOT_SET";
export type CompletionTextKey = CompletionRuleCode | typeof RULES_NOT_SET;

const en: Record<CompletionTextKey, string> = {
  AGREEMENT_SIGNED: "Tandem agreement signed",
  KICK_OFF_ATTENDED: "Kick-off attended",
  MANDATORY_TRAININGS_ATTENDED: "At least {required, plural, one {# mandatory training} other {# mandatory trainings}} attended ({actual} so far)",
  MEETINGS_LOGGED: "At least {required, plural, one {# meeting} other {# meetings}} logged ({actual} so far)",
  FINAL_EVALUATION_SUBMITTED: "Final evaluation submitted",
  CLOSING_ATTENDED: "Closing event attended",
  PACKAGE_COMPLETE: "Programme package complete ({actual, plural, =0 {no mandatory event open} one {# mandatory event open} other {# mandatory events open}})",
  RULES_NOT_SET: "The programme's completion rules have not reached this university yet",
};

const de: Record<CompletionTextKey, string> = {
  AGREEMENT_SIGNED: "Tandemvereinbarung unterschrieben",
  KICK_OFF_ATTENDED: "An der Auftaktveranstaltung teilgenommen",
  MANDATORY_TRAININGS_ATTENDED: "An mindestens {required, plural, one {# Pflichttraining} other {# Pflichttrainings}} teilgenommen (bisher {actual})",
  MEETINGS_LOGGED: "Mindestens {required, plural, one {# Treffen} other {# Treffen}} protokolliert (bisher {actual})",
  FINAL_EVALUATION_SUBMITTED: "Abschlussevaluation abgegeben",
  CLOSING_ATTENDED: "An der Abschlussveranstaltung teilgenommen",
  PACKAGE_COMPLETE: "Programmpaket vollständig ({actual, plural, =0 {keine Pflichtveranstaltung offen} one {# Pflichtveranstaltung offen} other {# Pflichtveranstaltungen offen}})",
  RULES_NOT_SET: "Die Abschlussregeln des Programms sind bei dieser Hochschule noch nicht eingegangen",
};

const fr: Record<CompletionTextKey, string> = {
  AGREEMENT_SIGNED: "Convention de tandem signée",
  KICK_OFF_ATTENDED: "Présence à la réunion de lancement",
  MANDATORY_TRAININGS_ATTENDED: "Présence à au moins {required, plural, one {# formation obligatoire} other {# formations obligatoires}} ({actual} jusqu’ici)",
  MEETINGS_LOGGED: "Au moins {required, plural, one {# rencontre consignée} other {# rencontres consignées}} ({actual} jusqu’ici)",
  FINAL_EVALUATION_SUBMITTED: "Évaluation finale remise",
  CLOSING_ATTENDED: "Présence à l’événement de clôture",
  PACKAGE_COMPLETE:
    "Parcours du programme complet ({actual, plural, =0 {aucun événement obligatoire en attente} one {# événement obligatoire en attente} other {# événements obligatoires en attente}})",
  RULES_NOT_SET: "Les règles d’achèvement du programme ne sont pas encore parvenues à cette université",
};

const cs: Record<CompletionTextKey, string> = {
  AGREEMENT_SIGNED: "Tandemová dohoda podepsána",
  KICK_OFF_ATTENDED: "Účast na úvodním setkání",
  MANDATORY_TRAININGS_ATTENDED: "Účast alespoň na {required, plural, one {# povinném školení} few {# povinných školeních} other {# povinných školeních}} (zatím {actual})",
  MEETINGS_LOGGED: "Zaznamenáno alespoň {required, plural, one {# setkání} few {# setkání} other {# setkání}} (zatím {actual})",
  FINAL_EVALUATION_SUBMITTED: "Závěrečné hodnocení odevzdáno",
  CLOSING_ATTENDED: "Účast na závěrečném setkání",
  PACKAGE_COMPLETE: "Programový balíček splněn ({actual, plural, =0 {žádná povinná akce nezbývá} one {zbývá # povinná akce} few {zbývají # povinné akce} other {zbývá # povinných akcí}})",
  RULES_NOT_SET: "Pravidla pro dokončení programu na tuto univerzitu zatím nedorazila",
};

export const COMPLETION_MESSAGES: Record<CertificateLanguage, Record<CompletionTextKey, string>> = { de, en, fr, cs };

/** One rule's sentence in `language`; `required` and `actual` fill the rules that count. */
export function completionRuleText(language: CertificateLanguage, key: CompletionTextKey, values: { required?: number | null; actual?: number } = {}): string {
  const text = new IntlMessageFormat(COMPLETION_MESSAGES[language][key], language).format({ required: values.required ?? 0, actual: values.actual ?? 0 });
  if (typeof text !== "string") throw new Error(`completion message ${language}.${key} did not format to text`);
  return text;
}
