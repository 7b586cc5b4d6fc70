/** The node's participants, paged, by role; each opened on their own page. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { session } from "../../auth/session.js";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { PagerControls, useCursorPager } from "../../ui/node-pager.js";
import { PersonName } from "./cohorts.js";
import "./node.css";

const ROLES = ["MENTEE", "MENTOR", "ALUMNUS"] as const;

const PARTICIPANTS = `query NodeParticipants($node: String!, $role: ParticipantRole, $after: String) {
  participants(node: $node, role: $role, first: 20, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id displayName email role degreeLevel createdAt disclosure { withheld } } }
  }
}`;

interface ParticipantsData {
  participants: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; displayName: string | null; email: string | null; role: string | null; degreeLevel: string | null; createdAt: string; disclosure: { withheld: string[] } } }[];
  } | null;
}

export default function NodeParticipantsPage() {
  const { t, i18n } = useTranslation();
  useTitle(t("node.participants.title"));
  const node = session.user()!.homeNode;
  const [role, setRole] = useState("");
  const pager = useCursorPager(role);
  const [{ data, error, fetching }] = useQuery<ParticipantsData>({ query: PARTICIPANTS, variables: { node, role: role || null, after: pager.after } });
  const list = data?.participants;
  return (
    <section>
      <h1>{t("node.participants.title")}</h1>
      <ApiErrors error={error} />
      <label htmlFor="node-role">{t("node.role")}</label>
      <select id="node-role" value={role} onChange={(event) => setRole(event.target.value)}>
        <option value="">{t("node.participants.anyRole")}</option>
        {ROLES.map((each) => (
          <option key={each} value={each}>
            {t(`node.participantRole.${each}`)}
          </option>
        ))}
      </select>
      {fetching && !data && <Loading />}
      {list &&
        (list.edges.length ? (
          <table className="node-table" data-testid="participants">
            <caption>{t("node.participants.caption", { total: list.totalCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("node.participants.name")}</th>
                <th scope="col">{t("node.participants.email")}</th>
                <th scope="col">{t("node.role")}</th>
                <th scope="col">{t("node.participants.degree")}</th>
                <th scope="col">{t("node.participants.createdAt")}</th>
              </tr>
            </thead>
            <tbody>
              {list.edges.map(({ node: person }) => (
                <tr key={person.id}>
                  <td>
                    <Link href={`/node/participants/${encodeURIComponent(person.id)}`}>
                      <PersonName person={person} />
                    </Link>
                  </td>
                  <td>{person.email ?? "–"}</td>
                  <td>{person.role ? t(`node.participantRole.${person.role}`) : "–"}</td>
                  <td>{person.degreeLevel ? t(`node.degree.${person.degreeLevel}`) : "–"}</td>
                  <td>{formatDateTime(person.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("node.participants.none")}</p>
        ))}
      {list && <PagerControls pager={pager} pageInfo={list.pageInfo} total={list.totalCount} label={t("node.participants.pages")} />}
    </section>
  );
}
