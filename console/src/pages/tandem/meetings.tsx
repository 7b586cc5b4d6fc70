/** The meeting log of a running tandem, kept at the mentee's home node; either partner logs a meeting; it follows the log live. */
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { Chart } from "../../ui/chart.js";
import { ApiErrors } from "../../ui/errors.js";
import { useRefetchOn } from "../participant/live.js";

const MEETING_KINDS = ["ONLINE", "IN_PERSON", "PHONE", "VISIT", "JOB_SHADOWING"] as const;

const MEETINGS = `query ConsoleMeetings($tandemId: ID!, $menteeId: ID!) {
  meetings(tandemId: $tandemId, menteeId: $menteeId, first: 100) { edges { node { id heldOn format durationMinutes topics recordedBy } } }
}`;
/** A meeting logged or confirmed, by either partner, from the mentee's home node. */
const LIVE = `subscription ConsoleTandemMeetings($tandemId: ID!, $menteeId: ID!) { tandemMeetings(tandemId: $tandemId, menteeId: $menteeId) { cursor change } }`;
const LOG = `mutation ConsoleLogMeeting($menteeId: ID!, $tandemId: ID!, $input: LogMeetingInput!) { logMeeting(menteeId: $menteeId, tandemId: $tandemId, input: $input) { id } }`;

interface MeetingsData {
  meetings: { edges: { node: { id: string; heldOn: string; format: string; durationMinutes: number; topics: string[]; recordedBy: string } }[] } | null;
}

export function MeetingsSection({ tandemId, menteeId }: { tandemId: string; menteeId: string }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery<MeetingsData>({ query: MEETINGS, variables: { tandemId, menteeId }, requestPolicy: "network-only" });
  const [logged, log] = useMutation(LOG);
  useRefetchOn(LIVE, { tandemId, menteeId }, () => refetch({ requestPolicy: "network-only" }));
  const meetings = data?.meetings?.edges.map((edge) => edge.node) ?? [];
  const minutesByMonth = new Map<string, number>();
  for (const meeting of meetings) minutesByMonth.set(meeting.heldOn.slice(0, 7), (minutesByMonth.get(meeting.heldOn.slice(0, 7)) ?? 0) + meeting.durationMinutes);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => String(form.get(name) ?? "");
    const input = {
      heldOn: text("heldOn"),
      format: text("format"),
      durationMinutes: Number(text("duration")),
      topics: text("topics")
        .split(",")
        .map((topic) => topic.trim())
        .filter(Boolean),
    };
    const result = await log({ menteeId, tandemId, input });
    if (!result.error) {
      element.reset();
      refetch({ requestPolicy: "network-only" });
    }
  };
  return (
    <section aria-labelledby="meetings">
      <h2 id="meetings">{t("tandem.meetings")}</h2>
      <ApiErrors error={error ?? logged.error} />
      {meetings.length ? (
        <ul data-testid="meetings">
          {meetings.map((meeting) => (
            <li key={meeting.id}>
              {t("tandem.meetingLine", {
                date: meeting.heldOn,
                format: t(`contactForm.${meeting.format}` as "contactForm.ONLINE"),
                minutes: meeting.durationMinutes,
                topics: meeting.topics.join(", "),
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("tandem.noMeetings")}</p>
      )}
      {meetings.length > 0 && (
        <Chart type="bar" label={t("tandem.minutesPerMonth")} categories={[...minutesByMonth.keys()]} series={[{ label: t("tandem.minutesPerMonth"), values: [...minutesByMonth.values()] }]} />
      )}
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor="heldOn">{t("tandem.heldOn")}</label>
        <input id="heldOn" name="heldOn" type="date" required defaultValue={new Date().toISOString().slice(0, 10)} />
        <label htmlFor="format">{t("tandem.format")}</label>
        <select id="format" name="format">
          {MEETING_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`contactForm.${kind}`)}
            </option>
          ))}
        </select>
        <label htmlFor="duration">{t("tandem.duration")}</label>
        <input id="duration" name="duration" type="number" min={5} max={600} defaultValue={60} required />
        <label htmlFor="topics">{t("tandem.topics")}</label>
        <input id="topics" name="topics" />
        <div>
          <button type="submit" disabled={logged.fetching}>
            {t("tandem.logMeeting")}
          </button>
        </div>
      </form>
    </section>
  );
}
