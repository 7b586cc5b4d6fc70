/** A tandem as one partner sees it: the proposal to answer, the partner's contact once disclosed, the agreement, the meeting log, check-ins, the final evaluation and my concerns. */
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useSubscription } from "urql";
import { session } from "../auth/session.js";
import { useTitle } from "../router.js";
import { ApiErrors, Loading } from "../ui/errors.js";
import { AgreementSection } from "./tandem/agreement.js";
import { CheckInSection } from "./tandem/check-ins.js";
import { ConcernSection } from "./tandem/concerns.js";
import { EvaluationSection } from "./tandem/evaluation.js";
import { MeetingsSection } from "./tandem/meetings.js";
import "./participant/participant.css";
import { PartnerCard, type PartnerData } from "./tandem/partner.js";

const TANDEM = `query ConsoleTandem($id: ID!) {
  tandem(id: $id) {
    id status menteeId mentorId menteeResponse mentorResponse agreementId
    cohort { id name programme { name } }
    mentee { id displayName email phone organisation disclosure { withheld } }
    mentor { id displayName email phone organisation disclosure { withheld } }
  }
}`;
/** Proposals, answers, acceptance, start and closing, as the coordination office announces them. */
const LIVE = `subscription ConsoleTandemLive($id: ID!) { tandemUpdated(tandemId: $id) { cursor change } }`;
const RESPOND = `mutation ConsoleRespondToTandem($id: ID!, $accept: Boolean!) { respondToTandem(id: $id, accept: $accept) { id status menteeResponse mentorResponse } }`;

export interface TandemData {
  tandem: {
    id: string;
    status: "PROPOSED" | "ACCEPTED" | "ACTIVE" | "CLOSED";
    menteeId: string;
    mentorId: string;
    menteeResponse: string;
    mentorResponse: string;
    agreementId: string | null;
    cohort: { id: string; name: string; programme: { name: string } };
    mentee: PartnerData | null;
    mentor: PartnerData | null;
  } | null;
}

export default function TandemPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const me = session.user()!.sub;
  const [{ data, error }, refetch] = useQuery<TandemData>({ query: TANDEM, variables: { id: params.id } });
  const [responded, respond] = useMutation(RESPOND);
  const [live] = useSubscription<{ tandemUpdated: { cursor: string } }>({ query: LIVE, variables: { id: params.id } });
  useEffect(() => {
    if (live.data) refetch({ requestPolicy: "network-only" });
  }, [live.data, refetch]);
  const tandem = data?.tandem;
  const cohort = tandem ? `${tandem.cohort.programme.name} ${tandem.cohort.name}` : "";
  useTitle(t("tandem.title", { cohort }));
  if (!tandem) return error ? <ApiErrors error={error} /> : <Loading />;
  const side = tandem.menteeId === me ? "MENTEE" : "MENTOR";
  const myResponse = side === "MENTEE" ? tandem.menteeResponse : tandem.mentorResponse;
  const partner = side === "MENTEE" ? tandem.mentor : tandem.mentee;
  const answer = async (accept: boolean) => {
    await respond({ id: tandem.id, accept });
    refetch({ requestPolicy: "network-only" });
  };
  return (
    <section>
      <h1>{t("tandem.title", { cohort })}</h1>
      <p>
        {t("tandem.status")}: <strong data-testid="tandem-status">{t(`tandemStatus.${tandem.status}`)}</strong>
      </p>
      <ApiErrors error={error} />
      <ApiErrors error={responded.error} />
      {tandem.status === "PROPOSED" && myResponse === "PENDING" && (
        <div className="notice">
          <p>{t("tandem.proposed")}</p>
          <button type="button" onClick={() => void answer(true)} disabled={responded.fetching}>
            {t("tandem.accept")}
          </button>{" "}
          <button type="button" onClick={() => void answer(false)} disabled={responded.fetching}>
            {t("tandem.decline")}
          </button>
        </div>
      )}
      {tandem.status === "PROPOSED" && myResponse === "ACCEPTED" && <p className="notice">{t("tandem.waitingForPartner")}</p>}
      <PartnerCard partner={partner} />
      {tandem.agreementId && (tandem.status === "ACCEPTED" || tandem.status === "ACTIVE") && (
        <AgreementSection agreementId={tandem.agreementId} side={side} me={me} onSigned={() => refetch({ requestPolicy: "network-only" })} />
      )}
      {tandem.status === "ACTIVE" && <MeetingsSection tandemId={tandem.id} menteeId={tandem.menteeId} />}
      {tandem.status === "ACTIVE" && <CheckInSection tandemId={tandem.id} me={me} />}
      {(tandem.status === "ACTIVE" || tandem.status === "CLOSED") && <EvaluationSection tandemId={tandem.id} me={me} agreementId={tandem.agreementId} />}
      {tandem.status !== "PROPOSED" && <ConcernSection tandemId={tandem.id} me={me} />}
    </section>
  );
}
