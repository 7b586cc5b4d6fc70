/**
 * Raising a concern about my tandem at my home node, and my concerns so far:
 * my words stay there; whether the mediator may read them is my choice (my
 * partner never can).
 */
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors } from "../../ui/errors.js";

const CONCERNS = ["COMMUNICATION", "EXPECTATIONS", "AVAILABILITY", "CONDUCT", "OTHER"] as const;
const MEDIATORS = ["JOINT_OFFICE", "HOME_NODE"] as const;

const MINE = `query ConsoleMyConcerns($tandemId: ID!, $me: ID!) {
  myConcerns(tandemId: $tandemId, participantId: $me) { id concern mediator mediatorMayRead statement raisedAt updatedAt }
}`;
const RAISE = `mutation ConsoleRaiseConcern($me: ID!, $input: RaiseConcernInput!) { raiseConcern(participantId: $me, input: $input) { id } }`;
const UPDATE = `mutation ConsoleUpdateConcern($id: ID!, $input: UpdateConcernInput!) { updateConcern(id: $id, input: $input) { id statement mediatorMayRead updatedAt } }`;

interface Concern {
  id: string;
  concern: string;
  mediator: string;
  mediatorMayRead: boolean;
  statement: string | null;
  raisedAt: string;
  updatedAt: string;
}

export function ConcernSection({ tandemId, me }: { tandemId: string; me: string }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery<{ myConcerns: Concern[] | null }>({ query: MINE, variables: { tandemId, me }, requestPolicy: "network-only" });
  const [raised, raise] = useMutation(RAISE);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const input = {
      tandemId,
      concern: String(form.get("concern")),
      mediator: String(form.get("mediator")),
      statement: String(form.get("statement") ?? ""),
      mediatorMayRead: form.get("mediatorMayRead") === "on",
    };
    if (!(await raise({ me, input })).error) {
      element.reset();
      refetch({ requestPolicy: "network-only" });
    }
  };
  const concerns = data?.myConcerns ?? [];
  return (
    <section aria-labelledby="concerns">
      <h2 id="concerns">{t("participant.concern.title")}</h2>
      <p>{t("participant.concern.intro")}</p>
      <ApiErrors error={error} />
      {concerns.length > 0 && (
        <ul className="cards" data-testid="concerns">
          {concerns.map((concern) => (
            <ConcernCard key={concern.id} concern={concern} onSaved={() => refetch({ requestPolicy: "network-only" })} />
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void submit(event)}>
        <h3>{t("participant.concern.raise")}</h3>
        <ApiErrors error={raised.error} />
        <label htmlFor="concern-kind">{t("participant.concern.kind")}</label>
        <select id="concern-kind" name="concern" required defaultValue="">
          <option value="" disabled>
            {t("participant.concern.choose")}
          </option>
          {CONCERNS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`participant.concernKind.${kind}`)}
            </option>
          ))}
        </select>
        <fieldset className="rating">
          <legend>{t("participant.concern.mediator")}</legend>
          {MEDIATORS.map((mediator) => (
            <label key={mediator}>
              <input type="radio" name="mediator" value={mediator} defaultChecked={mediator === "JOINT_OFFICE"} /> {t(`participant.mediator.${mediator}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor="concern-statement">{t("participant.concern.statement")}</label>
        <textarea id="concern-statement" name="statement" maxLength={4000} />
        <label className="inline">
          <input type="checkbox" name="mediatorMayRead" /> {t("participant.concern.mediatorMayRead")}
        </label>
        <div>
          <button type="submit" disabled={raised.fetching}>
            {t("participant.concern.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function ConcernCard({ concern, onSaved }: { concern: Concern; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [saved, save] = useMutation(UPDATE);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { statement: String(form.get("statement") ?? ""), mediatorMayRead: form.get("mediatorMayRead") === "on" };
    if (!(await save({ id: concern.id, input })).error) onSaved();
  };
  const field = (name: string) => `${name}-${concern.id}`;
  return (
    <li className="card">
      <h3>
        {t(`participant.concernKind.${concern.concern}`)} — {formatDateTime(concern.raisedAt, i18n.language)}
      </h3>
      <p>
        {t(`participant.mediator.${concern.mediator}`)}; {concern.mediatorMayRead ? t("participant.concern.mayRead") : t("participant.concern.mayNotRead")}
      </p>
      <ApiErrors error={saved.error} />
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor={field("statement")}>{t("participant.concern.statement")}</label>
        <textarea id={field("statement")} name="statement" maxLength={4000} defaultValue={concern.statement ?? ""} />
        <label className="inline">
          <input type="checkbox" name="mediatorMayRead" defaultChecked={concern.mediatorMayRead} /> {t("participant.concern.mediatorMayRead")}
        </label>
        <div>
          <button type="submit" className="secondary" disabled={saved.fetching}>
            {t("participant.concern.save")}
          </button>
        </div>
      </form>
    </li>
  );
}
