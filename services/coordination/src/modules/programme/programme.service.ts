import { In, type DataSource, type Repository } from "typeorm";
import { AppError, ErrorCode, invalidField } from "@tandem/shared";
import { isUniqueViolation, inTransaction, repositoryOf } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { ProgrammeEntity, type CrossBorderRule } from "./programme.entity.js";
import { ProgrammeTrackEntity } from "./programme-track.entity.js";
import type { CreateProgrammeInput } from "./programme.input.js";

export class ProgrammeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
  ) {}

  /** Bound to the current unit of work (a mutation), if any. */
  private get repository(): Repository<ProgrammeEntity> {
    return repositoryOf(this.dataSource, ProgrammeEntity);
  }

  async findByIds(ids: readonly string[]): Promise<ProgrammeEntity[]> {
    if (ids.length === 0) return [];
    return this.repository.findBy({ id: In([...ids]) });
  }

  /** Tracks of several programmes, each programme's in its own order, one query. */
  async tracksOf(programmeIds: readonly string[]): Promise<ProgrammeTrackEntity[]> {
    if (programmeIds.length === 0) return [];
    return repositoryOf(this.dataSource, ProgrammeTrackEntity).find({
      where: { programmeId: In([...programmeIds]) },
      order: { programmeId: "ASC", position: "ASC" },
    });
  }

  /** Every programme, oldest first (a consortium runs a handful). */
  async list(): Promise<ProgrammeEntity[]> {
    return this.repository.find({ order: { createdAt: "ASC", id: "ASC" } });
  }

  async create(input: CreateProgrammeInput): Promise<ProgrammeEntity> {
    const nodeIds = [...new Set(input.participatingNodeIds)];
    for (const nodeId of nodeIds) this.directory.requireNode(nodeId, "input.participatingNodeIds");
    this.checkCrossBorderFeasible(input.crossBorderRule, nodeIds);
    const codes = input.tracks.map((track) => track.code);
    const duplicate = codes.find((code, index) => codes.indexOf(code) !== index);
    if (duplicate) throw invalidField("input.tracks", `track code "${duplicate}" appears twice`);
    const name = input.name.trim();
    const nameTaken = () => new AppError(ErrorCode.CONFLICT, `input.name: a programme called "${name}" already exists`, { field: "input.name" });
    return inTransaction(this.dataSource, async (manager) => {
      const programmes = manager.getRepository(ProgrammeEntity);
      if (await programmes.existsBy({ name })) throw nameTaken();
      const programme = await programmes.save(programmes.create({ name, description: input.description, participatingNodeIds: nodeIds, crossBorderRule: input.crossBorderRule }));
      const tracks = manager.getRepository(ProgrammeTrackEntity);
      await tracks.insert(input.tracks.map((track, position) => ({ programmeId: programme.id, code: track.code, name: track.name.trim(), position })));
      return programme;
    }).catch((error: unknown) => {
      throw isUniqueViolation(error, "programmes_name_unique") ? nameTaken() : error;
    });
  }

  /** A rule no pair of participating nodes can satisfy would make every tandem impossible. */
  private checkCrossBorderFeasible(rule: CrossBorderRule, nodeIds: string[]): void {
    if (rule === "DIFFERENT_NODE" && nodeIds.length < 2) {
      throw invalidField("input.crossBorderRule", "DIFFERENT_NODE needs at least two participating nodes");
    }
    const countries = new Set(nodeIds.map((id) => this.directory.node(id)!.country));
    if (rule === "DIFFERENT_COUNTRY" && countries.size < 2) {
      throw invalidField("input.crossBorderRule", "DIFFERENT_COUNTRY needs participating nodes in at least two countries");
    }
  }
}
