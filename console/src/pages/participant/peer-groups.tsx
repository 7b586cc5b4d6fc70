/**
 * My peer groups and the open groups of my cohorts: join, consent, leave.
 * Members' names appear only where their home node discloses them (to
 * consented members, once they consented); each group follows live.
 */
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { session } from "../../auth/session.js";
import { useTitle } from "../../router.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { useRefetchOn } from "./live.js";
import { useMyCohorts, type MyCohort } from "./my-cohorts.js";
import "./participant.css";

const GROUP = `id name topic mode sizeLimit memberCount consentedCount myStatus cohort { name programme { name } } members { participantId status participant { id displayName } }`;
const MINE = `query ConsoleMyPeerGroups($me: ID!) { myPeerGroups(participantId: $me) { ${GROUP} } }`;
const OF_COHORT = `query ConsoleCohortPeerGroups($cohortId: ID!) { peerGroups(cohortId: $cohortId) { ${GROUP} } }`;
const LIVE = `subscription ConsolePeerGroupLive($id: ID!) { peerGroupUpdated(peerGroupId: $id) { cursor change } }`;
const JOIN = `mutation ConsoleJoinPeerGroup($me: ID!, $id: ID!) { joinPeerGroup(participantId: $me, peerGroupId: $id) { id myStatus consentedCount } }`;
const LEAVE = `mutation ConsoleLeavePeerGroup($me: ID!, $id: ID!) { leavePeerGroup(participantId: $me, peerGroupId: $id) { id myStatus consentedCount } }`;

interface PeerGroup {
  id: string;
  name: string;
  topic: string;
  mode: "FORMED" | "OPEN";
  sizeLimit: number | null;
  memberCount: number;
  consentedCount: number;
  myStatus: "INVITED" | "CONSENTED" | null;
  cohort: { name: string; programme: { name: string } } | null;
  members: { participantId: string; status: string; participant: { id: string; displayName: string | null } | null }[];
}

export default function PeerGroupsPage() {
  const { t } = useTranslation();
  useTitle(t("participant.peerGroups.title"));
  const me = session.user()!.sub;
  const [{ data, error }, refetch] = useQuery<{ myPeerGroups: PeerGroup[] }>({ query: MINE, variables: { me } });
  const { cohorts, error: cohortsError } = useMyCohorts(me);
  const again = () => refetch({ requestPolicy: "network-only" });
  const memberOf = new Set((data?.myPeerGroups ?? []).map((group) => group.id));
  return (
    <section>
      <h1>{t("participant.peerGroups.title")}</h1>
      <p>{t("participant.peerGroups.intro")}</p>
      <ApiErrors error={error ?? cohortsError} />
      {!data && !error && <Loading />}
      <h2>{t("participant.peerGroups.mine")}</h2>
      {data &&
        (data.myPeerGroups.length ? (
          <ul className="cards" data-testid="my-peer-groups">
            {data.myPeerGroups.map((group) => (
              <PeerGroupCard key={group.id} group={group} me={me} onChange={again} />
            ))}
          </ul>
        ) : (
          <p>{t("participant.peerGroups.none")}</p>
        ))}
      {cohorts.map((cohort) => (
        <OpenGroups key={cohort.cohortId} cohort={cohort} me={me} exclude={memberOf} onChange={again} />
      ))}
    </section>
  );
}

function OpenGroups({ cohort, me, exclude, onChange }: { cohort: MyCohort; me: string; exclude: Set<string>; onChange: () => void }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery<{ peerGroups: PeerGroup[] }>({ query: OF_COHORT, variables: { cohortId: cohort.cohortId } });
  const open = (data?.peerGroups ?? []).filter((group) => group.mode === "OPEN" && !exclude.has(group.id));
  const headingId = `open-${cohort.applicationId}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t("participant.peerGroups.openIn", { cohort: cohort.label })}</h2>
      <ApiErrors error={error} />
      {data &&
        (open.length ? (
          <ul className="cards" data-testid="open-peer-groups">
            {open.map((group) => (
              <PeerGroupCard
                key={group.id}
                group={group}
                me={me}
                onChange={() => {
                  refetch({ requestPolicy: "network-only" });
                  onChange();
                }}
              />
            ))}
          </ul>
        ) : (
          <p>{t("participant.peerGroups.noneOpen")}</p>
        ))}
    </section>
  );
}

function PeerGroupCard({ group, me, onChange }: { group: PeerGroup; me: string; onChange: () => void }) {
  const { t } = useTranslation();
  useRefetchOn(LIVE, { id: group.id }, onChange);
  const [joined, join] = useMutation(JOIN);
  const [left, leave] = useMutation(LEAVE);
  const act = async (done: Promise<{ error?: unknown }>) => {
    if (!(await done).error) onChange();
  };
  const cohort = group.cohort ? `${group.cohort.programme.name} ${group.cohort.name}` : "";
  return (
    <li className="card" data-testid={`peer-group-${group.name}`}>
      <h3>{group.name}</h3>
      {group.topic && <p>{group.topic}</p>}
      <p>
        {t("participant.peerGroups.facts", { cohort, members: group.memberCount, consented: group.consentedCount })}{" "}
        {group.sizeLimit != null && t("participant.peerGroups.limit", { limit: group.sizeLimit })}
      </p>
      <p data-testid="my-status">{t(`participant.myPeerGroupStatus.${group.myStatus ?? "NONE"}`)}</p>
      <ApiErrors error={joined.error ?? left.error} />
      {group.members.length > 0 && (
        <>
          <h4>{t("participant.peerGroups.members")}</h4>
          <ul>
            {group.members.map((member) => (
              <li key={member.participantId}>
                {member.participant?.displayName ?? <span className="withheld">{t("participant.peerGroups.nameNotShared")}</span>}
                {member.participantId === me && ` (${t("participant.peerGroups.you")})`} — {t(`participant.peerGroupStatus.${member.status}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {group.myStatus !== "CONSENTED" && (
        <button type="button" disabled={joined.fetching} onClick={() => void act(join({ me, id: group.id }))}>
          {group.myStatus === "INVITED" ? t("participant.peerGroups.consent", { name: group.name }) : t("participant.peerGroups.join", { name: group.name })}
        </button>
      )}{" "}
      {group.myStatus && (
        <button type="button" className="secondary" disabled={left.fetching} onClick={() => void act(leave({ me, id: group.id }))}>
          {t("participant.peerGroups.leave", { name: group.name })}
        </button>
      )}
    </li>
  );
}
