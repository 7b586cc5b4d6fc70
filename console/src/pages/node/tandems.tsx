/**
 * Tandems of the node's people in one cohort (state, agreement, last
 * meeting) and the mediation cases raised at the node, names where their
 * home node discloses them; live from the cohort's monitoring and cases of
 * this node (`tandemMonitoringUpdated`, `mediationCasesUpdated`).
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useSubscription } from "urql";
import { session } from "../../auth/session.js";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { CohortSelect, PersonName, useNodeCohorts } from "./cohorts.js";
import "./node.css";

/** The cohort's tandems the caller may see (the coordination office decides: those with a partner of this node), unpaged: a cohort has tens of them. */
const TANDEMS = `query NodeTandems($cohortId: ID!, $node: String!) {
  cohort(id: $cohortId) {
    id
    tandems { id status crossBorder createdAt mentee { id displayName } mentor { id displayName } agreement { version signed } meetingTally { meetings lastMeetingOn } }
  }
  mediationCases(cohortId: $cohortId, nodeId: $node, first: 20) {
    totalCount
    edges { node { id tandemId raisedBy raiserId concern mediator outcome openedAt closedAt } }
  }
}`;
const MONITORING_LIVE = `subscription NodeTandemsLive($cohortId: ID!, $node: String!) { tandemMonitoringUpdated(cohortId: $cohortId, nodeId: $node) { cursor } }`;
const CASES_LIVE = `subscription NodeCasesLive($cohortId: ID!, $node: String!) { mediationCasesUpdated(cohortId: $cohortId, nodeId: $node) { cursor } }`;

type Person = { id: string; displayName: string | null } | null;

interface TandemsData {
  cohort: {
    id: string;
    tandems: {
      id: string;
      status: string;
      crossBorder: boolean;
      createdAt: string;
      mentee: Person;
      mentor: Person;
      agreement: { version: number; signed: boolean } | null;
      meetingTally: { meetings: number; lastMeetingOn: string | null } | null;
    }[];
  } | null;
  mediationCases: {
    totalCount: number;
    edges: {
      node: { id: string; tandemId: string; raisedBy: string; raiserId: string | null; concern: string; mediator: string; outcome: string | null; openedAt: string; closedAt: string | null };
    }[];
  };
}

export default function NodeTandemsPage() {
  const { t } = useTranslation();
  useTitle(t("node.tandems.title"));
  const node = session.user()!.homeNode;
  const { cohorts, error } = useNodeCohorts(node);
  const [chosen, setChosen] = useState("");
  const cohortId = chosen || cohorts?.[0]?.id || "";
  return (
    <section>
      <h1>{t("node.tandems.title")}</h1>
      <p>{t("node.tandems.intro")}</p>
      <ApiErrors error={error} />
      {!cohorts && !error && <Loading />}
      {cohorts && !cohorts.length && <p>{t("node.tandems.noCohort")}</p>}
      {cohorts && cohortId && (
        <>
          <CohortSelect cohorts={cohorts} value={cohortId} onChange={setChosen} />
          <CohortTandems cohortId={cohortId} node={node} />
        </>
      )}
    </section>
  );
}

function CohortTandems({ cohortId, node }: { cohortId: string; node: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery<TandemsData>({ query: TANDEMS, variables: { cohortId, node } });
  const [monitoring] = useSubscription<{ tandemMonitoringUpdated: { cursor: string } }>({ query: MONITORING_LIVE, variables: { cohortId, node } });
  const [cases] = useSubscription<{ mediationCasesUpdated: { cursor: string } }>({ query: CASES_LIVE, variables: { cohortId, node } });
  useEffect(() => {
    if (monitoring.data || cases.data) refetch({ requestPolicy: "network-only" });
  }, [monitoring.data, cases.data]);
  if (!data) return error ? <ApiErrors error={error} /> : fetching ? <Loading /> : null;
  const tandems = data.cohort?.tandems ?? [];
  const byId = new Map(tandems.map((tandem) => [tandem.id, tandem]));
  const agreement = (tandem: (typeof tandems)[number]) =>
    !tandem.agreement
      ? t("node.tandems.agreementNone")
      : tandem.agreement.signed
        ? t("node.tandems.agreementSigned", { version: tandem.agreement.version })
        : t("node.tandems.agreementUnsigned", { version: tandem.agreement.version });
  const raiser = (each: TandemsData["mediationCases"]["edges"][number]["node"]) => {
    const tandem = byId.get(each.tandemId);
    const person = each.raisedBy === "MENTEE" ? tandem?.mentee : each.raisedBy === "MENTOR" ? tandem?.mentor : null;
    return (
      <>
        {t(`node.raiser.${each.raisedBy}`)}
        {each.raisedBy !== "COORDINATOR" && (
          <>
            {" "}
            (<PersonName person={person} />)
          </>
        )}
      </>
    );
  };
  return (
    <>
      <ApiErrors error={error} />
      {tandems.length ? (
        <table className="node-table" data-testid="tandems">
          <caption>{t("node.tandems.caption", { total: tandems.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("node.tandems.mentee")}</th>
              <th scope="col">{t("node.tandems.mentor")}</th>
              <th scope="col">{t("node.tandems.state")}</th>
              <th scope="col">{t("node.tandems.agreement")}</th>
              <th scope="col">{t("node.tandems.lastMeeting")}</th>
            </tr>
          </thead>
          <tbody>
            {tandems.map((tandem) => (
              <tr key={tandem.id}>
                <td>
                  <PersonName person={tandem.mentee} />
                </td>
                <td>
                  <PersonName person={tandem.mentor} />
                  {tandem.crossBorder && ` (${t("node.tandems.crossBorder")})`}
                </td>
                <td>{t(`tandemStatus.${tandem.status}`)}</td>
                <td>{agreement(tandem)}</td>
                <td>
                  {tandem.meetingTally?.lastMeetingOn ? t("node.tandems.meetings", { date: tandem.meetingTally.lastMeetingOn, number: tandem.meetingTally.meetings }) : t("node.tandems.noMeeting")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("node.tandems.none")}</p>
      )}
      <h2>{t("node.tandems.cases")}</h2>
      {data.mediationCases.edges.length ? (
        <table className="node-table" data-testid="cases">
          <caption>{t("node.tandems.casesCaption", { total: data.mediationCases.totalCount })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("node.tandems.tandem")}</th>
              <th scope="col">{t("node.tandems.raisedBy")}</th>
              <th scope="col">{t("node.tandems.concern")}</th>
              <th scope="col">{t("node.tandems.mediator")}</th>
              <th scope="col">{t("node.tandems.openedAt")}</th>
              <th scope="col">{t("node.tandems.outcome")}</th>
            </tr>
          </thead>
          <tbody>
            {data.mediationCases.edges.map(({ node: each }) => {
              const tandem = byId.get(each.tandemId);
              return (
                <tr key={each.id}>
                  <td>
                    {tandem ? (
                      <>
                        <PersonName person={tandem.mentee} /> / <PersonName person={tandem.mentor} />
                      </>
                    ) : (
                      <span className="withheld">{t("errors.NOT_DISCLOSED")}</span>
                    )}
                  </td>
                  <td>{raiser(each)}</td>
                  <td>{t(`node.concern.${each.concern}`)}</td>
                  <td>{t(`node.mediator.${each.mediator}`)}</td>
                  <td>{formatDateTime(each.openedAt, i18n.language)}</td>
                  <td>{each.outcome ? t(`node.outcome.${each.outcome}`) : t("node.tandems.open")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p>{t("node.tandems.noCases")}</p>
      )}
    </>
  );
}
