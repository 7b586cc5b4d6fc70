/**
 * The texts of a certificate in every language a holder may have, as ICU
 * messages (intl-messageformat). Every catalog has the same keys (tested).
 */
import { IntlMessageFormat } from "intl-messageformat";

export const CERTIFICATE_LANGUAGES = ["de", "en", "fr", "cs"] as const;
export type CertificateLanguage = (typeof CERTIFICATE_LANGUAGES)[number];

export function isCertificateLanguage(value: string): value is CertificateLanguage {
  return (CERTIFICATE_LANGUAGES as readonly string[]).includes(value);
}

const en = {
  title: "{role, select, mentee {Mentoring certificate} other {Certificate of mentoring participation}}",
  achievementDescription:
    "{role, select, mentee {Completed the {programme} as a mentee in the {cohort} cohort, meeting every completion rule of the programme.} other {Took part in the {programme} as a volunteer mentor in the {cohort} cohort.}}",
  body: "{name} took part in the {programme} ({cohort}) as a {role, select, mentee {mentee} other {mentor}} from {start, date, long} to {end, date, long}.",
  issuedBy: "Issued by {issuer} on {issued, date, long}.",
  verifyAt: "Verify this certificate at:",
  offline: "This PDF carries the signed credential (credential.json) for checking without a network.",
  credentialId: "Credential: {id}",
};
type CertificateMessages = Record<keyof typeof en, string>;

const de: CertificateMessages = {
  title: "{role, select, mentee {Mentoring-Zertifikat} other {Bescheinigung über die Mentoring-Teilnahme}}",
  achievementDescription:
    "{role, select, mentee {Hat das {programme} als Mentee in der Kohorte {cohort} abgeschlossen und dabei alle Abschlussregeln des Programms erfüllt.} other {Hat am {programme} in der Kohorte {cohort} als ehrenamtliche Mentorin bzw. ehrenamtlicher Mentor teilgenommen.}}",
  body: "{name} hat vom {start, date, long} bis {end, date, long} als {role, select, mentee {Mentee} other {Mentorin bzw. Mentor}} am {programme} ({cohort}) teilgenommen.",
  issuedBy: "Ausgestellt von {issuer} am {issued, date, long}.",
  verifyAt: "Prüfen Sie dieses Zertifikat unter:",
  offline: "Dieses PDF enthält den signierten Nachweis (credential.json) zur Prüfung ohne Netzverbindung.",
  credentialId: "Nachweis: {id}",
};

const fr: CertificateMessages = {
  title: "{role, select, mentee {Certificat de mentorat} other {Attestation de participation au mentorat}}",
  achievementDescription:
    "{role, select, mentee {A suivi le {programme} en tant que mentoré·e dans la cohorte {cohort} et rempli toutes les règles d’achèvement du programme.} other {A participé au {programme} en tant que mentor bénévole dans la cohorte {cohort}.}}",
  body: "{name} a participé au {programme} ({cohort}) en tant que {role, select, mentee {mentoré·e} other {mentor}} du {start, date, long} au {end, date, long}.",
  issuedBy: "Délivré par {issuer} le {issued, date, long}.",
  verifyAt: "Vérifiez ce certificat à l’adresse :",
  offline: "Ce PDF contient l’attestation signée (credential.json) pour une vérification hors ligne.",
  credentialId: "Attestation : {id}",
};

const cs: CertificateMessages = {
  title: "{role, select, mentee {Osvědčení o mentoringu} other {Potvrzení o účasti v mentoringu}}",
  achievementDescription:
    "{role, select, mentee {Absolvoval(a) program {programme} jako mentee v kohortě {cohort} a splnil(a) všechna pravidla pro dokončení programu.} other {Zúčastnil(a) se programu {programme} jako dobrovolný mentor / dobrovolná mentorka v kohortě {cohort}.}}",
  body: "{name} se zúčastnil(a) programu {programme} ({cohort}) jako {role, select, mentee {mentee} other {mentor}} od {start, date, long} do {end, date, long}.",
  issuedBy: "Vydal(a) {issuer} dne {issued, date, long}.",
  verifyAt: "Ověřte toto osvědčení na adrese:",
  offline: "Toto PDF obsahuje podepsané osvědčení (credential.json) k ověření bez připojení k síti.",
  credentialId: "Osvědčení: {id}",
};

export const CERTIFICATE_MESSAGES: Record<CertificateLanguage, CertificateMessages> = { de, en, fr, cs };
export type CertificateMessageKey = keyof CertificateMessages;

/** Dates are calendar days: shown in UTC so a holder west of Greenwich sees the same day. */
const formats = { date: { long: { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" } } } as const;

export function certificateText(language: CertificateLanguage, key: CertificateMessageKey, values: Record<string, string | Date> = {}): string {
  const text = new IntlMessageFormat(CERTIFICATE_MESSAGES[language][key], language, formats).format(values);
  if (typeof text !== "string") throw new Error(`certificate message ${language}.${key} did not format to text`);
  return text;
}
