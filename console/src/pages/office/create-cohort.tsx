/** A new DRAFT cohort of a programme: name, dates, application window and places per participating node (createCohort). */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { LANGUAGES } from "../../i18n/languages.js";
import { ApiErrors } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { ApiField } from "../../ui/field.js";
import { useUniversities } from "../../ui/universities.js";
import type { OfficeProgramme } from "./programmes.js";

const CREATE = `mutation OfficeCreateCohort($input: CreateCohortInput!) { createCohort(input: $input) { id name state } }`;

/** A `datetime-local` value as an instant, or null when empty. */
const instant = (value: string) => (value ? new Date(value).toISOString() : null);

export function CreateCohort({ programmes, onCreated }: { programmes: OfficeProgramme[]; onCreated: () => void }) {
  const { t, i18n } = useTranslation();
  const universities = useUniversities();
  const [programmeId, setProgrammeId] = useState(programmes[0]!.id);
  const [created, create] = useMutation<{ createCohort: { id: string; name: string } }>(CREATE);
  const programme = programmes.find((each) => each.id === programmeId) ?? programmes[0]!;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const input = {
      programmeId,
      name: text("name"),
      language: text("language"),
      startsOn: text("startsOn"),
      endsOn: text("endsOn"),
      applicationsOpenAt: instant(text("applicationsOpenAt")),
      applicationsCloseAt: instant(text("applicationsCloseAt")),
      quotas: programme.participatingNodeIds.map((nodeId) => ({ nodeId, mentees: Number(text(`mentees-${nodeId}`)), mentors: Number(text(`mentors-${nodeId}`)) })),
    };
    const result = await create({ input });
    if (!result.error) onCreated();
  };
  const cohort = created.data?.createCohort;
  return (
    <section aria-labelledby="create-cohort" className="office-card">
      <h2 id="create-cohort">{t("office.create.title")}</h2>
      {cohort && !created.error && (
        <p className="notice" role="status">
          {t("office.create.created")} <Link href={`/office/cohorts/${encodeURIComponent(cohort.id)}`}>{cohort.name}</Link>
        </p>
      )}
      <ApiErrors error={created.error} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ApiField
          id="cohort-programme"
          name="programmeId"
          label={t("office.create.programme")}
          error={created.error}
          control={
            <select value={programmeId} onChange={(event) => setProgrammeId(event.target.value)}>
              {programmes.map((each) => (
                <option key={each.id} value={each.id}>
                  {each.name}
                </option>
              ))}
            </select>
          }
        />
        <ApiField id="cohort-name" name="name" label={t("office.create.name")} error={created.error} control={<input name="name" />} />
        <ApiField
          id="cohort-language"
          name="language"
          label={t("office.create.language")}
          error={created.error}
          control={
            <select name="language" defaultValue={i18n.language}>
              {LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          }
        />
        <ApiField id="cohort-starts" name="startsOn" label={t("office.create.startsOn")} error={created.error} control={<input name="startsOn" type="date" />} />
        <ApiField id="cohort-ends" name="endsOn" label={t("office.create.endsOn")} error={created.error} control={<input name="endsOn" type="date" />} />
        <ApiField id="cohort-opens" name="applicationsOpenAt" label={t("office.create.opensAt")} error={created.error} control={<input name="applicationsOpenAt" type="datetime-local" />} />
        <ApiField id="cohort-closes" name="applicationsCloseAt" label={t("office.create.closesAt")} error={created.error} control={<input name="applicationsCloseAt" type="datetime-local" />} />
        <fieldset>
          <legend>{t("office.create.places")}</legend>
          {programme.participatingNodeIds.map((nodeId, index) => {
            const university = universities.get(nodeId) ?? nodeId;
            return (
              <div key={nodeId} className="office-quota">
                <ApiField
                  id={`mentees-${nodeId}`}
                  name={`quotas.${index}.mentees`}
                  label={t("office.create.mentees", { university })}
                  error={created.error}
                  control={<input name={`mentees-${nodeId}`} type="number" min={0} defaultValue={5} />}
                />
                <ApiField
                  id={`mentors-${nodeId}`}
                  name={`quotas.${index}.mentors`}
                  label={t("office.create.mentors", { university })}
                  error={created.error}
                  control={<input name={`mentors-${nodeId}`} type="number" min={0} defaultValue={5} />}
                />
              </div>
            );
          })}
        </fieldset>
        <button type="submit" disabled={created.fetching}>
          {t("office.create.submit")}
        </button>
      </form>
    </section>
  );
}
