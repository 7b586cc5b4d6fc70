import { useTranslation } from "react-i18next";
import { useTitle } from "../router.js";
import { Link } from "../ui/link.js";

export default function NotFoundPage() {
  const { t } = useTranslation();
  useTitle(t("notFound.title"));
  return (
    <section>
      <h1>{t("notFound.title")}</h1>
      <Link href="/">{t("notFound.back")}</Link>
    </section>
  );
}
