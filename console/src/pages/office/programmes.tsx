/** The joint coordinator's landing page: every programme with its rules (weights and completion rules editable), its cohorts and their states, and a new cohort. */
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { useUniversities } from "../../ui/universities.js";
import { CreateCohort } from "./create-cohort.js";
import { CRITERIA, type Weights } from "./labels.js";
import { ProgrammeEditing } from "./programme-editing.js";
import "./office.css";

const PROGRAMMES = `query OfficeProgrammes {
  programmes {
    id name language crossBorderRule rulesVersion checkInEveryWeeks peerMeetingsCount participatingNodeIds reviewer
    matchingWeights { track discipline goals experienceGap formatRegion languageDepth }
    tracks { code name }
    completionRules { mentee { code count } mentor { code count } }
    cohorts { id name state startsOn endsOn applicationsOpenAt applicationsCloseAt }
  }
}`;

export interface CompletionRule {
  code: string;
  count: number | null;
}

export interface OfficeProgramme {
  id: string;
  name: string;
  crossBorderRule: string;
  rulesVersion: number;
  checkInEveryWeeks: number | null;
  peerMeetingsCount: boolean;
  participatingNodeIds: string[];
  reviewer: string;
  matchingWeights: Weights;
  tracks: { code: string; name: string }[];
  completionRules: { mentee: CompletionRule[]; mentor: CompletionRule[] } | null;
  cohorts: { id: string; name: string; state: string; startsOn: string; endsOn: string; applicationsOpenAt: string | null; applicationsCloseAt: string | null }[];
}

export default function ProgrammesPage() {
  const { t } = useTranslation();
  useTitle(t("office.programmes.title"));
  const [{ data, fetching, error }, refetch] = useQuery<{ programmes: OfficeProgramme[] }>({ query: PROGRAMMES });
  return (
    <section className="office">
      <h1>{t("office.programmes.title")}</h1>
      <ApiErrors error={error} />
      {fetching && !data && <Loading />}
      {data?.programmes.length === 0 && <p>{t("office.programmes.none")}</p>}
      {data?.programmes.map((programme) => (
        <ProgrammeCard key={programme.id} programme={programme} onSaved={() => refetch({ requestPolicy: "network-only" })} />
      ))}
      {data && data.programmes.length > 0 && <CreateCohort programmes={data.programmes} onCreated={() => refetch({ requestPolicy: "network-only" })} />}
    </section>
  );
}

function ProgrammeCard({ programme, onSaved }: { programme: OfficeProgramme; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const universities = useUniversities();
  const headingId = `programme-${programme.id.replace(/[^a-z0-9-]/gi, "-")}`;
  const rules = (rules: CompletionRule[]) =>
    rules.length ? rules.map((rule) => t(`office.completion.${rule.code}` as "office.completion.AGREEMENT_SIGNED", { count: rule.count ?? 0 })).join("; ") : t("office.programmes.noRules");
  return (
    <article className="office-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{programme.name}</h2>
      <dl>
        <dt>{t("office.programmes.nodes")}</dt>
        <dd>{programme.participatingNodeIds.map((node) => universities.get(node) ?? node).join(", ")}</dd>
        <dt>{t("office.programmes.tracks")}</dt>
        <dd>{programme.tracks.map((track) => track.name).join(", ")}</dd>
        <dt>{t("office.programmes.crossBorder")}</dt>
        <dd>{t(`office.crossBorder.${programme.crossBorderRule}` as "office.crossBorder.NONE")}</dd>
        <dt>{t("office.programmes.reviewer")}</dt>
        <dd>{t(`office.reviewer.${programme.reviewer}` as "office.reviewer.HOME_NODE")}</dd>
        <dt>{t("office.programmes.rulesVersion")}</dt>
        <dd>{programme.rulesVersion}</dd>
        <dt>{t("office.programmes.checkIns")}</dt>
        <dd>{programme.checkInEveryWeeks ? t("office.programmes.checkInEvery", { weeks: programme.checkInEveryWeeks }) : t("office.programmes.checkInMidpoint")}</dd>
        <dt>{t("office.programmes.peerMeetings")}</dt>
        <dd>{programme.peerMeetingsCount ? t("office.yes") : t("office.no")}</dd>
        <dt>{t("office.programmes.completionMentee")}</dt>
        <dd>{rules(programme.completionRules?.mentee ?? [])}</dd>
        <dt>{t("office.programmes.completionMentor")}</dt>
        <dd>{rules(programme.completionRules?.mentor ?? [])}</dd>
        <dt>{t("office.programmes.weights")}</dt>
        <dd>{CRITERIA.map(({ criterion, weight }) => `${t(`office.criterion.${criterion}`)} ${programme.matchingWeights[weight]}`).join(" · ")}</dd>
      </dl>
      <ProgrammeEditing programme={programme} idPrefix={headingId} onSaved={onSaved} />
      <h3>{t("office.programmes.cohorts")}</h3>
      {programme.cohorts.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("office.cohort.name")}</th>
              <th scope="col">{t("office.cohort.state")}</th>
              <th scope="col">{t("office.cohort.runs")}</th>
              <th scope="col">{t("office.cohort.window")}</th>
            </tr>
          </thead>
          <tbody>
            {programme.cohorts.map((cohort) => (
              <tr key={cohort.id}>
                <td>
                  <Link href={`/office/cohorts/${encodeURIComponent(cohort.id)}`}>{t("office.programmes.openCohort", { programme: programme.name, cohort: cohort.name })}</Link>
                </td>
                <td>{t(`office.cohortState.${cohort.state}` as "office.cohortState.DRAFT")}</td>
                <td>
                  {cohort.startsOn} – {cohort.endsOn}
                </td>
                <td>
                  {cohort.applicationsOpenAt
                    ? `${formatDateTime(cohort.applicationsOpenAt, i18n.language)} – ${formatDateTime(cohort.applicationsCloseAt, i18n.language)}`
                    : t("office.cohort.noWindow")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("office.programmes.noCohorts")}</p>
      )}
    </article>
  );
}
