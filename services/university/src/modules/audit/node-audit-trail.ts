import { AuditTrail } from "@tandem/shared";

type AuditRow = ReturnType<AuditTrail["pending"]>[number];

/**
 * The audit trail of one request at a node. An erasure replaces the erased
 * person's id in this request's own entries too (as at the coordination
 * office): the entry recording the erasure would otherwise name them again,
 * after every other reference to them was anonymised.
 */
export class NodeAuditTrail extends AuditTrail {
  private readonly replacements = new Map<string, string>();

  /** From now on, entries of this request name `pseudonym` wherever they would name `id`. */
  pseudonymise(id: string, pseudonym: string): void {
    this.replacements.set(id, pseudonym);
  }

  override pending(): readonly AuditRow[] {
    if (this.replacements.size === 0) return super.pending();
    const replace = <T extends string | null>(id: T): T => (id === null ? id : ((this.replacements.get(id) ?? id) as T));
    return super.pending().map((row) => ({ ...row, actor: replace(row.actor), participantId: replace(row.participantId), targetId: replace(row.targetId) }));
  }
}
