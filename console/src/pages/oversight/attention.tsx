/** A cohort's tandems needing attention (a partner asked to be contacted, or was dissatisfied, in a check-in), each with the way to open a case. */
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { ApiErrors } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";

const ATTENTION = `query OversightAttention($c: ID!) {
  tandemsNeedingAttention(cohortId: $c, first: 50) { totalCount edges { node { id tandemId side dueOn reasons raisedAt } } }
}`;

interface AttentionData {
  tandemsNeedingAttention: { totalCount: number; edges: { node: { id: string; tandemId: string; side: "MENTEE" | "MENTOR"; dueOn: string; reasons: string[]; raisedAt: string } }[] };
}

export function AttentionSection({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery<AttentionData>({ query: ATTENTION, variables: { c: cohortId } });
  const items = data?.tandemsNeedingAttention.edges.map((edge) => edge.node) ?? [];
  return (
    <section aria-labelledby="attention">
      <h2 id="attention">{t("oversight.attention.title")}</h2>
      <ApiErrors error={error} />
      {data && !items.length && <p>{t("oversight.attention.none")}</p>}
      {items.length > 0 && (
        <ul data-testid="attention">
          {items.map((item) => (
            <li key={item.id}>
              {t("oversight.attention.line", {
                tandem: shortId(item.tandemId),
                side: t(`oversight.side.${item.side}`),
                dueOn: item.dueOn,
                reasons: item.reasons.map((reason) => t(`oversight.attention.reason.${reason}` as "oversight.attention.reason.LOW_SATISFACTION")).join(", "),
              })}{" "}
              <Link href={`/oversight/cases?cohort=${encodeURIComponent(cohortId)}&tandem=${encodeURIComponent(item.tandemId)}`}>{t("oversight.attention.openCase")}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The last part of a global id (`coord:tandem:1a2b…` → `1a2b…`, first 8 characters): enough to tell tandems apart. */
export function shortId(id: string): string {
  return (id.split(":").at(-1) ?? id).slice(0, 8);
}
