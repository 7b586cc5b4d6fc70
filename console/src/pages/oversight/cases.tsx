/** A cohort's mediation cases (open ones first shown), and opening a case for an accepted or running tandem. Live through mediationCasesUpdated. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { navigate, useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { useUniversities } from "../../ui/universities.js";
import { shortId } from "./attention.js";
import { useCohortChoice } from "./cohort-picker.js";
import { followedNodes, LiveCases } from "./live.js";
import "./oversight.css";

export const CONCERNS = ["COMMUNICATION", "EXPECTATIONS", "AVAILABILITY", "CONDUCT", "OTHER", "CHECK_IN"] as const;
const MEDIATORS = ["JOINT_OFFICE", "HOME_NODE"] as const;
const SHOWN = { open: true, closed: false, all: null } as const;

const CASES = `query OversightCases($c: ID!, $open: Boolean) {
  mediationCases(cohortId: $c, open: $open, first: 50) { totalCount edges { node { id tandemId raisedBy raiserNodeId concern mediator outcome openedAt closedAt } } }
  consortium { coordination { id } }
}`;
/** The tandems a case may be opened for (apart, to stay within the gateway's query cost). */
const TANDEMS = `query OversightCaseTandems($c: ID!) { tandems(cohortId: $c, first: 50) { edges { node { id menteeId mentorId status } } } }`;
const OPEN = `mutation OversightOpenCase($input: OpenMediationCaseInput!) { openMediationCase(input: $input) { id } }`;

export interface CaseSummary {
  id: string;
  tandemId: string;
  raisedBy: "MENTEE" | "MENTOR" | "COORDINATOR";
  raiserNodeId: string | null;
  concern: string;
  mediator: string;
  outcome: string | null;
  openedAt: string;
  closedAt: string | null;
}

interface TandemsData {
  tandems: { edges: { node: { id: string; menteeId: string; mentorId: string; status: string } }[] };
}

interface CasesData {
  mediationCases: { totalCount: number; edges: { node: CaseSummary }[] };
  consortium: { coordination: { id: string } };
}

export default function CasesPage() {
  const { t } = useTranslation();
  useTitle(t("oversight.cases.title"));
  const { cohort, picker } = useCohortChoice();
  return (
    <section>
      <h1>{t("oversight.cases.title")}</h1>
      {picker}
      {cohort && <CohortCases key={cohort.id} cohortId={cohort.id} participatingNodeIds={cohort.participatingNodeIds} />}
    </section>
  );
}

function CohortCases({ cohortId, participatingNodeIds }: { cohortId: string; participatingNodeIds: string[] }) {
  const { t, i18n } = useTranslation();
  const universities = useUniversities();
  const [shown, setShown] = useState<keyof typeof SHOWN>("open");
  const [{ data, error, fetching }, refetch] = useQuery<CasesData>({ query: CASES, variables: { c: cohortId, open: SHOWN[shown] } });
  const reread = () => refetch({ requestPolicy: "network-only" });
  const cases = data?.mediationCases.edges.map((edge) => edge.node) ?? [];
  const office = data?.consortium.coordination.id;
  const followed = followedNodes(participatingNodeIds);
  const live = office && followed.length > 1 ? [...followed, office] : followed;
  return (
    <>
      <LiveCases cohortId={cohortId} nodeIds={live} onChange={reread} />
      <p>
        <label htmlFor="oversight-shown">{t("oversight.cases.show")}</label>{" "}
        <select id="oversight-shown" value={shown} onChange={(event) => setShown(event.target.value as keyof typeof SHOWN)}>
          {Object.keys(SHOWN).map((key) => (
            <option key={key} value={key}>
              {t(`oversight.cases.shown.${key}` as "oversight.cases.shown.open")}
            </option>
          ))}
        </select>
      </p>
      <ApiErrors error={error} />
      {fetching && !data && <Loading />}
      {data && !cases.length && <p>{t("oversight.cases.none")}</p>}
      {cases.length > 0 && (
        <table className="oversight-table" data-testid="cases">
          <caption>{t("oversight.cases.listCaption", { count: data!.mediationCases.totalCount })}</caption>
          <thead>
            <tr>
              {(["case", "tandem", "concern", "mediator", "raisedBy", "opened", "outcome"] as const).map((column) => (
                <th scope="col" key={column}>
                  {t(`oversight.cases.column.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cases.map((each) => (
              <tr key={each.id}>
                <th scope="row">
                  <Link href={`/oversight/cases/${encodeURIComponent(each.id)}`}>{t("oversight.cases.caseLink", { id: shortId(each.id) })}</Link>
                </th>
                <td>{shortId(each.tandemId)}</td>
                <td>{t(`oversight.concern.${each.concern}` as "oversight.concern.OTHER")}</td>
                <td>{t(`oversight.mediator.${each.mediator}` as "oversight.mediator.JOINT_OFFICE")}</td>
                <td>{raiserOf(each, t, universities)}</td>
                <td>{formatDateTime(each.openedAt, i18n.language)}</td>
                <td>{each.outcome ? t(`oversight.outcome.${each.outcome}` as "oversight.outcome.RESOLVED") : t("oversight.cases.stillOpen")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <OpenCaseForm cohortId={cohortId} />
    </>
  );
}

export function raiserOf(each: Pick<CaseSummary, "raisedBy" | "raiserNodeId">, t: (key: string, options?: Record<string, unknown>) => string, universities: ReadonlyMap<string, string>): string {
  const who = t(`oversight.raisedBy.${each.raisedBy}`);
  return each.raiserNodeId ? `${who} (${universities.get(each.raiserNodeId) ?? each.raiserNodeId})` : who;
}

function OpenCaseForm({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery<TandemsData>({ query: TANDEMS, variables: { c: cohortId } });
  const tandems = data?.tandems.edges.map((edge) => edge.node) ?? [];
  const universities = useUniversities();
  const [opened, open] = useMutation<{ openMediationCase: { id: string } }>(OPEN);
  const [missing, setMissing] = useState(false);
  const open_ = tandems.filter((tandem) => tandem.status === "ACCEPTED" || tandem.status === "ACTIVE");
  const preselected = new URLSearchParams(window.location.search).get("tandem") ?? "";
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const tandemId = String(form.get("tandemId") ?? "");
    setMissing(!tandemId);
    if (!tandemId) return;
    const result = await open({ input: { tandemId, concern: String(form.get("concern")), mediator: String(form.get("mediator")) } });
    if (result.data) navigate(`/oversight/cases/${encodeURIComponent(result.data.openMediationCase.id)}`);
  };
  const node = (id: string) => universities.get(id.split(":")[0]!) ?? id.split(":")[0];
  return (
    <section aria-labelledby="open-case">
      <h2 id="open-case">{t("oversight.cases.openTitle")}</h2>
      <ApiErrors error={error ?? opened.error} />
      {!data ? null : open_.length === 0 ? (
        <p>{t("oversight.cases.noTandems")}</p>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <label htmlFor="case-tandem">{t("oversight.cases.tandem")}</label>
          <select id="case-tandem" name="tandemId" defaultValue={preselected} aria-invalid={missing} aria-describedby={missing ? "case-tandem-error" : undefined}>
            <option value="">{t("oversight.cases.chooseTandem")}</option>
            {open_.map((tandem) => (
              <option key={tandem.id} value={tandem.id}>
                {t("oversight.cases.tandemOption", {
                  id: shortId(tandem.id),
                  mentee: node(tandem.menteeId),
                  mentor: node(tandem.mentorId),
                  status: t(`tandemStatus.${tandem.status}` as "tandemStatus.ACTIVE"),
                })}
              </option>
            ))}
          </select>
          {missing && (
            <p id="case-tandem-error" role="alert" className="alert">
              {t("oversight.cases.tandemRequired")}
            </p>
          )}
          <label htmlFor="case-concern">{t("oversight.cases.concern")}</label>
          <select id="case-concern" name="concern" defaultValue="COMMUNICATION">
            {CONCERNS.map((concern) => (
              <option key={concern} value={concern}>
                {t(`oversight.concern.${concern}`)}
              </option>
            ))}
          </select>
          <label htmlFor="case-mediator">{t("oversight.cases.mediator")}</label>
          <select id="case-mediator" name="mediator" defaultValue="JOINT_OFFICE">
            {MEDIATORS.map((mediator) => (
              <option key={mediator} value={mediator}>
                {t(`oversight.mediator.${mediator}`)}
              </option>
            ))}
          </select>
          <div>
            <button type="submit" disabled={opened.fetching}>
              {t("oversight.cases.open")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
