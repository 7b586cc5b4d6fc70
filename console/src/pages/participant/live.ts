/** Re-reads a page's data whenever a subscription reports a change (the updates carry cursors, the page asks again). */
import { useEffect } from "react";
import { useSubscription } from "urql";

export function useRefetchOn(query: string, variables: Record<string, unknown>, refetch: () => void, pause = false): void {
  const [live] = useSubscription<Record<string, { cursor: string }>>({ query, variables, pause });
  useEffect(() => {
    if (live.data) refetch();
    // a new update, not a new callback, asks again
  }, [live.data]);
}
