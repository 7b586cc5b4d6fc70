/** The consortium's universities by node id, for messages such as "HS Trier is not reachable right now". */
import { createContext, useContext, useMemo } from "react";
import { useQuery } from "urql";
import type { UniversityNames } from "../graphql/errors.js";

const Universities = createContext<UniversityNames>(new Map());

const CONSORTIUM = `query ConsoleConsortium { consortium { nodes { id name shortName status } } }`;

export function UniversitiesProvider({ children }: { children: React.ReactNode }) {
  const [{ data }] = useQuery<{ consortium: { nodes: { id: string; name: string; shortName: string }[] } }>({ query: CONSORTIUM });
  const names = useMemo(() => new Map((data?.consortium.nodes ?? []).map((node) => [node.id, node.name] as const)), [data]);
  return <Universities.Provider value={names}>{children}</Universities.Provider>;
}

export function useUniversities(): UniversityNames {
  return useContext(Universities);
}
