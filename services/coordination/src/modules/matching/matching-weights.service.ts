import { In, type DataSource, type EntityManager } from "typeorm";
import { AppError, ErrorCode, rejectNulls } from "@tandem/shared";
import { inTransaction, repositoryOf } from "@tandem/party";
import { CRITERIA, DEFAULT_MATCHING_WEIGHTS, type MatchingWeights } from "../../matching/criteria.js";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { ProgrammeEntity } from "../programme/programme.entity.js";
import { PROGRAMME_KIND } from "../programme/programme.type.js";
import { MatchingWeightsEntity } from "./matching-weights.entity.js";
import type { MatchingWeightsInput } from "./matching-weights.type.js";

/** One weight per criterion: a criterion added to CRITERIA is weighted here too. */
const WEIGHT_KEYS = CRITERIA.map((criterion) => criterion.weight);

function weightsOf(row: MatchingWeightsEntity | null | undefined): MatchingWeights {
  if (!row) return { ...DEFAULT_MATCHING_WEIGHTS };
  return Object.fromEntries(WEIGHT_KEYS.map((key) => [key, row[key]])) as unknown as MatchingWeights;
}

/** Programmes' weights of the matching criteria: their own, or the defaults. */
export class MatchingWeightsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
  ) {}

  /** Weights of several programmes (local ids), in the order asked, one query. */
  async ofProgrammes(programmeIds: readonly string[]): Promise<MatchingWeights[]> {
    if (programmeIds.length === 0) return [];
    const rows = await repositoryOf(this.dataSource, MatchingWeightsEntity).findBy({ programmeId: In([...programmeIds]) });
    const byProgramme = new Map(rows.map((row) => [row.programmeId, row]));
    return programmeIds.map((id) => weightsOf(byProgramme.get(id)));
  }

  /** A programme's weights inside a transaction. */
  async current(manager: EntityManager, programmeLocalId: string): Promise<MatchingWeights> {
    return weightsOf(await manager.getRepository(MatchingWeightsEntity).findOneBy({ programmeId: programmeLocalId }));
  }

  /** Sets the given weights (0–10 each, validated on input), keeping the others; returns the programme. */
  async update(programmeId: string, input: MatchingWeightsInput): Promise<ProgrammeEntity> {
    rejectNulls(input, WEIGHT_KEYS, "weights");
    const localId = this.directory.parseLocal(programmeId, PROGRAMME_KIND, "programmeId");
    return inTransaction(this.dataSource, async (manager) => {
      const programme = await manager.getRepository(ProgrammeEntity).findOne({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
      if (!programme) throw new AppError(ErrorCode.NOT_FOUND, `programmeId: no programme ${programmeId}`, { field: "programmeId" });
      const weights = await this.current(manager, localId);
      for (const key of WEIGHT_KEYS) if (input[key] !== undefined) weights[key] = input[key];
      await manager.getRepository(MatchingWeightsEntity).save({ programmeId: localId, ...weights });
      return programme;
    });
  }
}
