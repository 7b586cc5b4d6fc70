/** Paging through a connection by cursor: the cursors of the pages before, forward and back; back to the first page when the filter changes. */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

export interface CursorPager {
  after: string | null;
  page: number;
  next(endCursor: string | null | undefined): void;
  previous(): void;
}

export function useCursorPager(filterKey: string): CursorPager {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [filterKey]);
  return {
    after: cursors.at(-1) ?? null,
    page: cursors.length,
    next: (endCursor) => {
      if (endCursor) setCursors((before) => [...before, endCursor]);
    },
    previous: () => setCursors((before) => (before.length > 1 ? before.slice(0, -1) : before)),
  };
}

export interface PageInfoLike {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Previous / next buttons and where the reader is (announced politely); `label` names the list they page. */
export function PagerControls({ pager, pageInfo, total, label }: { pager: CursorPager; pageInfo: PageInfoLike; total: number; label: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={label} className="node-pager">
      <button type="button" onClick={pager.previous} disabled={pager.page === 1}>
        {t("node.pager.previous")}
      </button>{" "}
      <span aria-live="polite">{t("node.pager.page", { page: pager.page, total })}</span>{" "}
      <button type="button" onClick={() => pager.next(pageInfo.endCursor)} disabled={!pageInfo.hasNextPage}>
        {t("node.pager.next")}
      </button>
    </nav>
  );
}
