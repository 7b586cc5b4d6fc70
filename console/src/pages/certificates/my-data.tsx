/**
 * "My data": the export of everything the consortium holds about me
 * (`exportMyData`, one JSON document, downloaded as a file) and erasure
 * (`eraseParticipant`, which the person may run themselves) after a
 * confirmation that names what is erased and what is kept.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient, useMutation, type CombinedError } from "urql";
import { session } from "../../auth/session.js";
import { useTitle } from "../../router.js";
import { ApiErrors } from "../../ui/errors.js";
import { useUniversities } from "../../ui/universities.js";
import { fileNamePart, jsonFile, saveFile } from "./files.js";
import "./certificates.css";

const EXPORT = `query ConsoleExportMyData { exportMyData }`;
const ERASE = `mutation ConsoleEraseMe($me: ID!) {
  eraseParticipant(participantId: $me) { participantId completed parties { party kind status removedRecords anonymisedRecords error } }
}`;

interface ExportDocument {
  complete?: boolean;
  parties?: { party: string; status: string }[];
}
interface Receipt {
  participantId: string;
  completed: boolean;
  parties: { party: string; kind: string; status: string; removedRecords: number | null; anonymisedRecords: number | null; error: string | null }[];
}

export default function MyDataPage() {
  const { t } = useTranslation();
  useTitle(t("certificates.myData.title"));
  return (
    <section>
      <h1>{t("certificates.myData.title")}</h1>
      <ExportSection />
      <EraseSection />
    </section>
  );
}

function ExportSection() {
  const { t } = useTranslation();
  const client = useClient();
  const universities = useUniversities();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  const [missing, setMissing] = useState<string[]>([]);
  const download = async () => {
    setBusy(true);
    const result = await client.query<{ exportMyData: ExportDocument }>(EXPORT, {}, { requestPolicy: "network-only" }).toPromise();
    setBusy(false);
    setError(result.error);
    const document = result.data?.exportMyData;
    if (!document) return;
    setMissing((document.parties ?? []).filter((party) => party.status !== "CONFIRMED").map((party) => universities.get(party.party) ?? party.party));
    const user = session.user();
    saveFile(`my-data-${fileNamePart(user?.name ?? "tandem")}-${new Date().toISOString().slice(0, 10)}.json`, jsonFile(document));
  };
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t("certificates.myData.exportTitle")}</h2>
      <p>{t("certificates.myData.exportIntro")}</p>
      <button type="button" onClick={() => void download()} disabled={busy}>
        {t("certificates.myData.download")}
      </button>
      {busy && <span role="status"> {t("certificates.mine.preparing")}</span>}
      <ApiErrors error={error} />
      {missing.length > 0 && (
        <p role="alert" className="alert">
          {t("certificates.myData.incomplete", { parties: missing.join(", ") })}
        </p>
      )}
    </section>
  );
}

function EraseSection() {
  const { t } = useTranslation();
  const universities = useUniversities();
  const me = session.user()!.sub;
  const [confirming, setConfirming] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [erased, erase] = useMutation<{ eraseParticipant: Receipt }>(ERASE);
  const receipt = erased.data?.eraseParticipant;
  const list = (group: "erasedItems" | "keptItems", keys: readonly string[]) => (
    <ul>
      {keys.map((key) => (
        <li key={key}>{t(`certificates.myData.${group}.${key}`)}</li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="erase-title">
      <h2 id="erase-title">{t("certificates.myData.eraseTitle")}</h2>
      <p>{t("certificates.myData.eraseIntro")}</p>
      {!confirming && !receipt && (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t("certificates.myData.startErase")}
        </button>
      )}
      {confirming && !receipt && (
        <div className="erase-confirm" data-testid="erase-confirm">
          <h3>{t("certificates.myData.confirmTitle")}</h3>
          <h4>{t("certificates.myData.erased")}</h4>
          {list("erasedItems", ["profile", "writing", "certificates", "references"])}
          <h4>{t("certificates.myData.kept")}</h4>
          {list("keptItems", ["certificates", "records", "audit"])}
          <label>
            <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} /> {t("certificates.myData.understand")}
          </label>
          <ApiErrors error={erased.error} />
          <button type="button" className="danger" disabled={!understood || erased.fetching} onClick={() => void erase({ me })}>
            {t("certificates.myData.confirm")}
          </button>{" "}
          <button type="button" onClick={() => setConfirming(false)}>
            {t("certificates.myData.cancel")}
          </button>
        </div>
      )}
      {receipt && (
        <div data-testid="erase-receipt">
          <h3>{t("certificates.myData.receipt")}</h3>
          <p role="status" className={receipt.completed ? "notice" : "alert"}>
            {t(receipt.completed ? "certificates.myData.completed" : "certificates.myData.notCompleted")}
          </p>
          <table className="receipt-table">
            <thead>
              <tr>
                <th scope="col">{t("certificates.myData.party")}</th>
                <th scope="col">{t("certificates.myData.status")}</th>
                <th scope="col">{t("certificates.myData.removed")}</th>
                <th scope="col">{t("certificates.myData.anonymised")}</th>
              </tr>
            </thead>
            <tbody>
              {receipt.parties.map((party) => (
                <tr key={party.party}>
                  <th scope="row">{universities.get(party.party) ?? party.party}</th>
                  <td>{t(`certificates.myData.partyStatus.${party.status}`)}</td>
                  <td>{party.removedRecords ?? "–"}</td>
                  <td>{party.anonymisedRecords ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t("certificates.myData.afterErase")}</p>
          <button type="button" onClick={() => session.signOut()}>
            {t("app.signOut")}
          </button>
        </div>
      )}
    </section>
  );
}
