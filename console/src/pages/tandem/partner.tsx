/** The partner's contact, field by field as their home node discloses it: a withheld field reads "not shared with you"; when their node cannot answer, the page says so above. */
import { useTranslation } from "react-i18next";

export interface PartnerData {
  id: string;
  displayName: string | null;
  email: string | null;
  phone: string | null;
  organisation: string | null;
  disclosure: { withheld: string[] };
}

const FIELDS = [
  ["displayName", "tandem.name"],
  ["email", "tandem.email"],
  ["phone", "tandem.phone"],
] as const;

export function PartnerCard({ partner }: { partner: PartnerData | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="partner">
      <h2 id="partner">{t("tandem.partner")}</h2>
      <dl data-testid="partner">
        {FIELDS.map(([field, label]) => {
          const value = partner?.[field];
          const withheld = partner?.disclosure.withheld.includes(field);
          return (
            <div key={field} className="pair">
              <dt>{t(label)}</dt>
              <dd>{value ?? (withheld ? <span className="withheld">{t("errors.NOT_DISCLOSED")}</span> : "–")}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
