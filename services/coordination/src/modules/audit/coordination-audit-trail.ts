import { AuditTrail } from "@tandem/shared";

type AuditRow = ReturnType<AuditTrail["pending"]>[number];

/** Widest id the audit log's id columns hold. */
const MAX_AUDITED_ID_LENGTH = 160;

/**
 * The audit trail of one request, with two needs of the coordination office:
 * an erasure replaces the erased person's id in this request's own entries
 * (the entry recording the erasure would otherwise name them again), and an
 * id argument no column could hold (malformed input) is recorded as null
 * rather than failing the write and withholding the answer.
 */
export class CoordinationAuditTrail extends AuditTrail {
  private readonly replacements = new Map<string, string>();

  /** From now on, entries of this request name `pseudonym` wherever they would name `id`. */
  pseudonymise(id: string, pseudonym: string): void {
    this.replacements.set(id, pseudonym);
  }

  override pending(): readonly AuditRow[] {
    return super.pending().map((row) => ({
      ...row,
      actor: this.replacements.get(row.actor) ?? row.actor,
      participantId: this.storable(row.participantId),
      targetId: this.storable(row.targetId),
    }));
  }

  private storable(id: string | null): string | null {
    if (id === null || id.length > MAX_AUDITED_ID_LENGTH) return null;
    return this.replacements.get(id) ?? id;
  }
}
