/** Creating an event hosted by the node: labelled fields, each refusal shown at the field it names. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { ApiErrors } from "../../ui/errors.js";
import { fieldErrorsOf, Field } from "../../ui/field.js";
import { navigate } from "../../router.js";

export const EVENT_KINDS = ["NETWORKING_EVENING", "PANEL", "EXPERT_GROUP", "TRAINING", "KICK_OFF", "CLOSING", "WORKSHOP", "SITE_VISIT", "JOB_SHADOWING"] as const;
const FORMATS = ["IN_PERSON", "ONLINE", "HYBRID"] as const;

const CREATE = `mutation NodeCreateEvent($node: String!, $input: CreateEventInput!) { createEvent(node: $node, input: $input) { id } }`;

/** The fields the console checks and the API may name (`input.<name>`). */
const FIELDS = ["title", "kind", "format", "startsAt", "endsAt", "timeZone", "location", "onlineUrl", "capacity"] as const;
type FieldName = (typeof FIELDS)[number];

export function CreateEventForm({ node, onCreated }: { node: string; onCreated: () => void }) {
  const { t, i18n } = useTranslation();
  const [created, create] = useMutation<{ createEvent: { id: string } | null }>(CREATE);
  const [own, setOwn] = useState<Partial<Record<FieldName, string>>>({});
  const fromApi = fieldErrorsOf(created.error);
  // a refusal shown at its field is not repeated above the button
  const placed = Object.keys(fromApi).length > 0 && Object.keys(fromApi).every((field) => (FIELDS as readonly string[]).includes(field));
  const label = (field: FieldName) => t(`node.create.${field}`);
  const errorAt = (field: FieldName) => own[field] ?? (fromApi[field] ? t("node.form.check", { field: label(field), message: fromApi[field] }) : null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: FieldName) => String(form.get(name) ?? "").trim();
    const problems: Partial<Record<FieldName, string>> = {};
    if (!text("title")) problems.title = t("node.form.required", { field: label("title") });
    const startsAt = text("startsAt") ? new Date(text("startsAt")) : null;
    const endsAt = text("endsAt") ? new Date(text("endsAt")) : null;
    if (!startsAt) problems.startsAt = t("node.form.required", { field: label("startsAt") });
    if (!endsAt) problems.endsAt = t("node.form.required", { field: label("endsAt") });
    const capacity = Number(text("capacity"));
    if (!Number.isInteger(capacity) || capacity < 1) problems.capacity = t("node.form.positive", { field: label("capacity") });
    setOwn(problems);
    if (Object.keys(problems).length) return;
    const input = {
      title: text("title"),
      kind: text("kind"),
      format: text("format"),
      language: i18n.language,
      startsAt: startsAt!.toISOString(),
      endsAt: endsAt!.toISOString(),
      timeZone: text("timeZone"),
      location: text("location") || null,
      onlineUrl: text("onlineUrl") || null,
      capacity,
    };
    const result = await create({ node, input });
    const id = result.data?.createEvent?.id;
    if (id) {
      onCreated();
      navigate(`/node/events/${encodeURIComponent(id)}`);
    }
  };
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="node-create-event" className="node-form">
      <h2 id="node-create-event">{t("node.create.heading")}</h2>
      <Field id="event-title" label={label("title")} error={errorAt("title")}>
        <input name="title" maxLength={200} />
      </Field>
      <Field id="event-kind" label={label("kind")} error={errorAt("kind")}>
        <select name="kind" defaultValue="NETWORKING_EVENING">
          {EVENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`eventKind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="event-format" label={label("format")} error={errorAt("format")}>
        <select name="format" defaultValue="IN_PERSON">
          {FORMATS.map((format) => (
            <option key={format} value={format}>
              {t(`eventFormat.${format}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="event-starts" label={label("startsAt")} error={errorAt("startsAt")}>
        <input name="startsAt" type="datetime-local" />
      </Field>
      <Field id="event-ends" label={label("endsAt")} error={errorAt("endsAt")}>
        <input name="endsAt" type="datetime-local" />
      </Field>
      <Field id="event-time-zone" label={label("timeZone")} error={errorAt("timeZone")}>
        <input name="timeZone" defaultValue={timeZone} />
      </Field>
      <Field id="event-location" label={label("location")} error={errorAt("location")}>
        <input name="location" maxLength={300} />
      </Field>
      <Field id="event-online-url" label={label("onlineUrl")} error={errorAt("onlineUrl")}>
        <input name="onlineUrl" type="url" />
      </Field>
      <Field id="event-capacity" label={label("capacity")} error={errorAt("capacity")}>
        <input name="capacity" type="number" min={1} defaultValue={30} />
      </Field>
      <ApiErrors error={placed ? undefined : created.error} />
      <button type="submit" disabled={created.fetching}>
        {t("node.create.submit")}
      </button>
    </form>
  );
}
