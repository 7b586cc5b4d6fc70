/** The visibility rules of access.rules.ts as SQL, so that filtered lists page and count correctly. */
import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from "typeorm";
import type { Visibility } from "./access.rules.js";

/** Keeps rows where any of `columns` (participant references) is visible to the caller. */
export function whereVisible<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, columns: readonly string[], visibility: Visibility): SelectQueryBuilder<T> {
  if (visibility.all) return query;
  const { subjects, nodes } = visibility;
  const conditions = columns.flatMap((column) => [
    ...(subjects.length ? [`${column} IN (:...visibleSubjects)`] : []),
    ...(nodes.length ? [`split_part(${column}, ':', 1) IN (:...visibleNodes)`] : []),
  ]);
  if (conditions.length === 0) return query.andWhere("FALSE");
  return query.andWhere(
    new Brackets((where) => {
      for (const condition of conditions) where.orWhere(condition);
    }),
    { visibleSubjects: [...subjects], visibleNodes: [...nodes] },
  );
}
