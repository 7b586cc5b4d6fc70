/** My secret calendar link: created (the URL is shown this once, to copy into a calendar app), replaced or revoked. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { ApiErrors } from "../../ui/errors.js";

const CREATE = `mutation ConsoleCreateCalendarFeed($me: ID!) { createCalendarFeed(participantId: $me) { url createdAt } }`;
const REVOKE = `mutation ConsoleRevokeCalendarFeed($me: ID!) { revokeCalendarFeed(participantId: $me) }`;

export function CalendarFeedSection({ me }: { me: string }) {
  const { t } = useTranslation();
  const [created, create] = useMutation<{ createCalendarFeed: { url: string } | null }>(CREATE);
  const [revoked, revoke] = useMutation<{ revokeCalendarFeed: boolean | null }>(REVOKE);
  const [url, setUrl] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const make = async () => {
    const result = await create({ me });
    const made = result.data?.createCalendarFeed?.url;
    if (made) {
      setUrl(made);
      setStatus(t("participant.calendar.created"));
    }
  };
  const stop = async () => {
    const result = await revoke({ me });
    if (!result.error) {
      setUrl(null);
      setStatus(t("participant.calendar.revoked"));
    }
  };
  const copy = async () => {
    if (!url) return;
    try {
      // no clipboard outside a secure context (an http address other than localhost)
      await navigator.clipboard.writeText(url);
      setStatus(t("participant.calendar.copied"));
    } catch {
      setStatus(t("participant.calendar.copyByHand"));
    }
  };
  return (
    <section aria-labelledby="calendar">
      <h2 id="calendar">{t("participant.calendar.title")}</h2>
      <p>{t("participant.calendar.contains")}</p>
      <p>{t("participant.calendar.secret")}</p>
      <ApiErrors error={created.error ?? revoked.error} />
      {url && (
        <div className="notice">
          <label htmlFor="calendar-url">{t("participant.calendar.url")}</label>
          <input id="calendar-url" className="wide" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
          <p>{t("participant.calendar.onlyOnce")}</p>
          <button type="button" onClick={() => void copy()}>
            {t("participant.calendar.copy")}
          </button>
        </div>
      )}
      <p role="status" aria-live="polite">
        {status}
      </p>
      <button type="button" onClick={() => void make()} disabled={created.fetching}>
        {t("participant.calendar.create")}
      </button>{" "}
      <button type="button" className="secondary" onClick={() => void stop()} disabled={revoked.fetching}>
        {t("participant.calendar.revoke")}
      </button>
    </section>
  );
}
