/** A cohort's pins and bans by pseudonym: listed, added (pinPair / banPair) and removed (removePinOrBan). */
import { useEffect, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { ApiErrors } from "../../ui/errors.js";
import { ApiField } from "../../ui/field.js";

const RULES = `query OfficePairRules($id: ID!) { cohort(id: $id) { id matchingPairRules { id kind menteePseudonym mentorPseudonym createdAt } } }`;
const PIN = `mutation OfficePinPair($c: ID!, $mentee: String!, $mentor: String!) { pinPair(cohortId: $c, menteePseudonym: $mentee, mentorPseudonym: $mentor) { id kind } }`;
const BAN = `mutation OfficeBanPair($c: ID!, $mentee: String!, $mentor: String!) { banPair(cohortId: $c, menteePseudonym: $mentee, mentorPseudonym: $mentor) { id kind } }`;
const REMOVE = `mutation OfficeRemovePinOrBan($id: ID!) { removePinOrBan(id: $id) }`;

interface RulesData {
  cohort: { id: string; matchingPairRules: { id: string; kind: "PIN" | "BAN"; menteePseudonym: string; mentorPseudonym: string; createdAt: string }[] } | null;
}

/** Pinning and banning a pair, for the round page's buttons and the form below. */
export function usePairRule(cohortId: string) {
  const [pinned, pin] = useMutation(PIN);
  const [banned, ban] = useMutation(BAN);
  const add = (kind: "PIN" | "BAN", mentee: string, mentor: string) => (kind === "PIN" ? pin : ban)({ c: cohortId, mentee, mentor });
  return { add, error: pinned.error ?? banned.error, fetching: pinned.fetching || banned.fetching };
}

/** `version`: bump it to read the rules again (after a pin or ban elsewhere on the page). */
export function PairRules({ cohortId, version = 0, mentees = [], mentors = [] }: { cohortId: string; version?: number; mentees?: string[]; mentors?: string[] }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery<RulesData>({ query: RULES, variables: { id: cohortId } });
  const rule = usePairRule(cohortId);
  const [removed, remove] = useMutation(REMOVE);
  useEffect(() => {
    if (version) refetch({ requestPolicy: "network-only" });
  }, [version, refetch]);
  const rules = data?.cohort?.matchingPairRules ?? [];
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const result = await rule.add(text("kind") === "BAN" ? "BAN" : "PIN", text("menteePseudonym"), text("mentorPseudonym"));
    if (!result.error) refetch({ requestPolicy: "network-only" });
  };
  const drop = async (id: string) => {
    const result = await remove({ id });
    if (!result.error) refetch({ requestPolicy: "network-only" });
  };
  return (
    <section aria-labelledby="pair-rules">
      <h2 id="pair-rules">{t("office.rules.title")}</h2>
      <p>{t("office.rules.explain")}</p>
      <ApiErrors error={error ?? removed.error} />
      {rules.length ? (
        <ul data-testid="pair-rules">
          {rules.map((each) => (
            <li key={each.id}>
              {t(`office.rules.${each.kind}` as "office.rules.PIN")}: <code>{each.menteePseudonym}</code> — <code>{each.mentorPseudonym}</code>{" "}
              <button type="button" className="office-small" onClick={() => void drop(each.id)} disabled={removed.fetching}>
                {t("office.rules.remove")}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("office.rules.none")}</p>
      )}
      <ApiErrors error={rule.error} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ApiField
          id="rule-kind"
          name="kind"
          label={t("office.rules.kind")}
          error={rule.error}
          control={
            <select name="kind">
              <option value="PIN">{t("office.rules.PIN")}</option>
              <option value="BAN">{t("office.rules.BAN")}</option>
            </select>
          }
        />
        <ApiField id="rule-mentee" name="menteePseudonym" label={t("office.rules.mentee")} error={rule.error} control={<input name="menteePseudonym" list="rule-mentees" />} />
        <ApiField id="rule-mentor" name="mentorPseudonym" label={t("office.rules.mentor")} error={rule.error} control={<input name="mentorPseudonym" list="rule-mentors" />} />
        <datalist id="rule-mentees">
          {mentees.map((pseudonym) => (
            <option key={pseudonym} value={pseudonym} />
          ))}
        </datalist>
        <datalist id="rule-mentors">
          {mentors.map((pseudonym) => (
            <option key={pseudonym} value={pseudonym} />
          ))}
        </datalist>
        <button type="submit" disabled={rule.fetching}>
          {t("office.rules.add")}
        </button>
      </form>
    </section>
  );
}
