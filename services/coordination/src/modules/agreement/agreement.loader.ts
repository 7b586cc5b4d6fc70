import type { DataSource } from "typeorm";
import { createByKeyLoader, managerOf } from "@tandem/party";
import { agreementStates, type AgreementState } from "./agreement-state.js";

/** Reads agreement states for the loaders (in the current unit of work, if any). */
export class AgreementStateReader {
  constructor(private readonly dataSource: DataSource) {}

  states(tandemIds: readonly string[]): Promise<AgreementState[]> {
    return agreementStates(managerOf(this.dataSource), tandemIds);
  }
}

/** Agreement states by tandem local id, two queries per batch. */
export function createAgreementStateLoader(reader: AgreementStateReader) {
  return createByKeyLoader(
    (ids: readonly string[]) => reader.states(ids),
    (row) => row.tandemId,
  );
}
