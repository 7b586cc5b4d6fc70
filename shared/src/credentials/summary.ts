/**
 * What a credential itself says, read defensively from its JSON: the
 * verifier shows this and nothing from any database.
 */
export interface CredentialSummary {
  id: string | null;
  title: string | null;
  issuer: { id: string | null; name: string | null };
  holderName: string | null;
  role: string | null;
  programme: string | null;
  cohort: string | null;
  activityStartDate: string | null;
  activityEndDate: string | null;
  achievementDescription: string | null;
  criteria: string | null;
  language: string | null;
  validFrom: string | null;
}

type Json = Record<string, unknown>;

function objectAt(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function textAt(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** The issuer's id: a string or `issuer.id`. */
export function issuerIdOf(credential: Json): string | null {
  return textAt(credential.issuer) ?? textAt(objectAt(credential.issuer).id);
}

export function credentialSummary(credential: Json): CredentialSummary {
  const subject = objectAt(credential.credentialSubject);
  const achievement = objectAt(subject.achievement);
  return {
    id: textAt(credential.id),
    title: textAt(credential.name),
    issuer: { id: issuerIdOf(credential), name: textAt(objectAt(credential.issuer).name) },
    holderName: textAt(subject.name),
    role: textAt(subject.role),
    programme: textAt(achievement.name),
    cohort: textAt(subject.term),
    activityStartDate: textAt(subject.activityStartDate),
    activityEndDate: textAt(subject.activityEndDate),
    achievementDescription: textAt(achievement.description),
    criteria: textAt(objectAt(achievement.criteria).narrative),
    language: textAt(achievement.inLanguage),
    validFrom: textAt(credential.validFrom),
  };
}
