/**
 * A programme's matching weights and completion rules, editable by joint
 * coordinators (the API refuses everyone else; node coordinators who open
 * the page see no controls). One form open at a time; a saved form closes
 * and says so, the card above showing the values read again from the API.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { JOINT_COORDINATOR } from "../../areas.js";
import { session } from "../../auth/session.js";
import { EditCompletionRules } from "./edit-completion.js";
import { EditWeights } from "./edit-weights.js";
import type { OfficeProgramme } from "./programmes.js";

type Editing = "weights" | "rules";

export function ProgrammeEditing({ programme, idPrefix, onSaved }: { programme: OfficeProgramme; idPrefix: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saved, setSaved] = useState<Editing | null>(null);
  if (!session.user()?.roles.includes(JOINT_COORDINATOR)) return null;
  const toggle = (which: Editing) => {
    setSaved(null);
    setEditing((current) => (current === which ? null : which));
  };
  const done = (which: Editing) => {
    setEditing(null);
    setSaved(which);
    onSaved();
  };
  const formId = (which: Editing) => `${idPrefix}-edit-${which}`;
  return (
    <div className="office-editing">
      {saved && (
        <p className="notice" role="status">
          {t(saved === "weights" ? "office.edit.weightsSaved" : "office.edit.rulesSaved")}
        </p>
      )}
      {(["weights", "rules"] as const).map((which) => (
        <div key={which}>
          <button type="button" aria-expanded={editing === which} aria-controls={editing === which ? formId(which) : undefined} onClick={() => toggle(which)}>
            {t(which === "weights" ? "office.edit.weights" : "office.edit.rules")}
          </button>
          {editing === which && (
            <div id={formId(which)}>
              {which === "weights" ? (
                <EditWeights programmeId={programme.id} idPrefix={idPrefix} weights={programme.matchingWeights} onSaved={() => done("weights")} />
              ) : (
                <EditCompletionRules programmeId={programme.id} idPrefix={idPrefix} rules={programme.completionRules} onSaved={() => done("rules")} />
              )}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
