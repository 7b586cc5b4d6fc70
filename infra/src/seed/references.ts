/** Seed records refer to each other as "node/key" (events) and "node/email" (participants). */

export function referenceOf(node: string, key: string): string {
  return `${node}/${key.toLowerCase()}`;
}

export function parseReference(reference: string): { node: string; key: string } {
  const slash = reference.indexOf("/");
  if (slash <= 0) throw new Error(`Bad seed reference "${reference}" (expected node/key)`);
  return { node: reference.slice(0, slash), key: reference.slice(slash + 1).toLowerCase() };
}
