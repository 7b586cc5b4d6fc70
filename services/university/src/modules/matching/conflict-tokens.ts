/**
 * Conflict tokens let the matching solver see that a mentor and a mentee
 * share an employer, or that one supervises the other, without anyone seeing
 * a name. Rule: token = `ct2.` + base64url(HMAC-SHA256(MATCHING_CONFLICT_SECRET,
 * cohort id + "|" + namespace + ":" + normalised name)), with one
 * consortium-wide secret that every node holds and the coordination office
 * never does (it could otherwise hash guessed names and compare). Keyed per
 * cohort, so that the same person's tokens differ from cohort to cohort and
 * nothing links their pseudonyms across cohorts. Namespaces make the right
 * things collide, at any two nodes:
 *   org     the participant's employer and organisation;
 *   person  a mentee's supervisor, and the own name of anyone else (mentors,
 *           alumni), so "X supervises this mentee" meets mentor X.
 * Names are normalised so that spellings of one name meet: accents and case
 * dropped, punctuation and whitespace collapsed, dotted or spaced
 * abbreviations joined (S.A., s. r. o. → sa, sro); for organisations
 * trailing legal forms dropped (GmbH, AG, S.à r.l., a.s. …); for people
 * academic titles and honorifics dropped and the words sorted, so
 * "Prof. Dr. Katrin Becker" meets "Becker, Katrin". Tokens are deduplicated
 * and sorted, so their order tells nothing about which field they came from.
 */
import { createHmac } from "node:crypto";

export const CONFLICT_TOKEN_PREFIX = "ct2.";

export type ConflictNamespace = "org" | "person";

/** What the tokens of one participant are derived from. */
export interface ConflictSources {
  role: string;
  displayName: string;
  organisation: string | null;
  employer: string | null;
  supervisor: string | null;
}

/** Letters NFKD leaves whole; mapped so "Straße" meets "Strasse" and "Łódź" meets "Lodz". */
const LETTERS: Record<string, string> = { ß: "ss", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", æ: "ae", œ: "oe", ı: "i", ħ: "h" };

/** Trailing legal forms, as word sequences after normalisation (dots removed, letter runs joined). */
const LEGAL_FORMS: readonly (readonly string[])[] = [
  ...["gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "gbr", "ug", "ev", "eg", "se", "co", "haftungsbeschrankt"].map((form) => [form]),
  ...["sa", "sarl", "sas", "sasu", "sca", "scs", "snc", "sprl", "srl", "spa", "sl", "bv", "nv", "vzw", "asbl", "scrl"].map((form) => [form]),
  ...["ltd", "limited", "llc", "llp", "plc", "inc", "corp", "corporation", "incorporated"].map((form) => [form]),
  ...["as", "sro", "spol", "ks", "vos", "zs", "ops", "oz", "ab", "oy", "aps"].map((form) => [form]),
  ["sp", "zoo"],
];

const LEADING_TITLES = new Set([
  "prof",
  "dr",
  "ing",
  "dipl",
  "mgr",
  "bc",
  "doc",
  "rndr",
  "judr",
  "mudr",
  "mvdr",
  "mddr",
  "phdr",
  "paeddr",
  "thdr",
  "pharmdr",
  "habil",
  "hab",
  "univ",
  "priv",
  "mag",
  "rer",
  "nat",
  "med",
  "dent",
  "vet",
  "phil",
  "jur",
  "oec",
  "pol",
  "hc",
  "mr",
  "mrs",
  "ms",
  "herr",
  "frau",
  "mme",
  "mlle",
]);
const TRAILING_TITLES: readonly (readonly string[])[] = [["phd"], ["ph", "d"], ["csc"], ["drsc"], ["dsc"], ["mba"], ["msc"], ["llm"], ["dis"], ["mph"]];

/** Words of a name: accents, case and punctuation gone; single letters in a row joined (s r o → sro). */
function words(name: string): string[] {
  const plain = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßøłđðþæœıħ]/g, (letter) => LETTERS[letter]!)
    .replace(/['’‘`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  const result: string[] = [];
  let run = "";
  for (const word of plain ? plain.split(" ") : []) {
    if (word.length === 1) {
      run += word;
      continue;
    }
    if (run) result.push(run);
    run = "";
    result.push(word);
  }
  if (run) result.push(run);
  return result;
}

function endsWith(list: readonly string[], suffix: readonly string[]): boolean {
  return list.length > suffix.length && suffix.every((word, i) => list[list.length - suffix.length + i] === word);
}

/** Drops trailing word sequences of `forms` as long as one matches and a word remains. */
function dropTrailing(list: string[], forms: readonly (readonly string[])[]): string[] {
  for (let dropped = true; dropped;) {
    const form = forms.find((candidate) => endsWith(list, candidate));
    dropped = form !== undefined;
    if (form) list = list.slice(0, list.length - form.length);
  }
  return list;
}

/** An organisation's name as every node writes it: "Škoda Transportation a.s." → "skoda transportation". */
export function normaliseOrganisation(name: string): string {
  return dropTrailing(words(name), LEGAL_FORMS).join(" ");
}

/** A person's name as every node writes it: "Prof. Dr. Katrin Becker" and "Becker, Katrin" → "becker katrin". */
export function normalisePerson(name: string): string {
  let list = dropTrailing(words(name), TRAILING_TITLES);
  while (list.length > 1 && LEADING_TITLES.has(list[0]!)) list = list.slice(1);
  return [...list].sort().join(" ");
}

export class ConflictTokens {
  constructor(private readonly secret: string) {}

  /** The token of one name in a namespace for one cohort, or null when nothing of the name is left after normalisation. */
  token(cohortId: string, namespace: ConflictNamespace, name: string | null): string | null {
    const normalised = name === null ? "" : namespace === "org" ? normaliseOrganisation(name) : normalisePerson(name);
    if (!normalised) return null;
    return CONFLICT_TOKEN_PREFIX + createHmac("sha256", this.secret).update(`${cohortId}|${namespace}:${normalised}`, "utf8").digest("base64url");
  }

  /** A participant's tokens for one cohort: distinct and sorted. */
  of(cohortId: string, participant: ConflictSources): string[] {
    const person = participant.role === "MENTEE" ? participant.supervisor : participant.displayName;
    const tokens = [this.token(cohortId, "org", participant.employer), this.token(cohortId, "org", participant.organisation), this.token(cohortId, "person", person)];
    return [...new Set(tokens.filter((token): token is string => token !== null))].sort();
  }
}
