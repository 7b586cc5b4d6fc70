import { In, type DataSource, type EntityManager, type Repository } from "typeorm";
import {
  AppError,
  assertNotTranslated,
  DEFAULT_ELIGIBILITY_RULES,
  ErrorCode,
  invalidField,
  rejectNulls,
  storedTranslations,
  type CompletionRules,
  type EligibilityRules,
  type Language,
} from "@tandem/shared";
import { isUniqueViolation, inTransaction, repositoryOf } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import type { CohortFacts } from "../cohort/cohort.facts.js";
import { ProgrammeEntity, type CrossBorderRule } from "./programme.entity.js";
import { ProgrammeTrackEntity } from "./programme-track.entity.js";
import { ProgrammeRulesVersionEntity } from "./programme-rules-version.entity.js";
import { eligibilityRulesFrom } from "./programme-rules.input.js";
import type { ProgrammeFacts } from "./programme.facts.js";
import { UPDATABLE_PROGRAMME_FIELDS, type CreateProgrammeInput, type TrackInput, type UpdateProgrammeInput } from "./programme.input.js";
import { PROGRAMME_KIND } from "./programme.type.js";

/** What a version of the rules consists of; a change of any of it is a new version. */
type RulesContent = Pick<ProgrammeRulesVersionEntity, "eligibility" | "reviewer" | "participatingNodeIds" | "trackCodes" | "completion">;

export class ProgrammeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
    private readonly facts: ProgrammeFacts,
    private readonly cohortFacts: CohortFacts,
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

  /** Every version of the rules of several programmes, newest first, one query. */
  async rulesVersionsOf(programmeIds: readonly string[]): Promise<ProgrammeRulesVersionEntity[]> {
    if (programmeIds.length === 0) return [];
    return repositoryOf(this.dataSource, ProgrammeRulesVersionEntity).find({ where: { programmeId: In([...programmeIds]) }, order: { programmeId: "ASC", version: "DESC" } });
  }

  /** Every programme, oldest first (a consortium runs a handful). */
  async list(): Promise<ProgrammeEntity[]> {
    return this.repository.find({ order: { createdAt: "ASC", id: "ASC" } });
  }

  /** A programme with its tracks and version 1 of its rules, which every participating node is told. */
  async create(input: CreateProgrammeInput): Promise<ProgrammeEntity> {
    const nodeIds = this.knownNodes(input.participatingNodeIds);
    this.checkCrossBorderFeasible(input.crossBorderRule, nodeIds);
    checkDistinctTracks(input.tracks);
    const eligibility = input.eligibility ? eligibilityRulesFrom(input.eligibility, "input.eligibility") : DEFAULT_ELIGIBILITY_RULES;
    const name = input.name.trim();
    const language = input.language as Language;
    const translations = storedTranslations(language, input.translations, PROGRAMME_TEXTS);
    const tracks = tracksWithTranslations(language, input.tracks);
    return inTransaction(this.dataSource, async (manager) => {
      const programmes = manager.getRepository(ProgrammeEntity);
      if (await programmes.existsBy({ name })) throw nameTaken(name);
      const programme = await programmes.save(
        programmes.create({ name, description: input.description, language, translations, participatingNodeIds: nodeIds, crossBorderRule: input.crossBorderRule, rulesVersion: 1 }),
      );
      await this.replaceTracks(manager, programme.id, tracks);
      const content = { eligibility, reviewer: input.reviewer, participatingNodeIds: nodeIds, trackCodes: input.tracks.map((track) => track.code), completion: null };
      await this.addVersion(manager, programme.id, 1, content, nodeIds);
      return programme;
    }).catch(nameTakenOr(name));
  }

  /**
   * Changes what the input names, field by field. A change of the rules,
   * the reviewer, the participating nodes or the tracks makes a new version
   * of the rules, told to every node of the old and the new list (a removed
   * node learns it is out); a node that joins also hears of the programme's
   * open cohorts.
   */
  async update(id: string, input: UpdateProgrammeInput): Promise<ProgrammeEntity> {
    rejectNulls(input, UPDATABLE_PROGRAMME_FIELDS);
    const localId = this.directory.parseLocal(id, PROGRAMME_KIND, "id");
    const nodeIds = input.participatingNodeIds && this.knownNodes(input.participatingNodeIds);
    if (input.tracks) checkDistinctTracks(input.tracks);
    const eligibility = input.eligibility && eligibilityRulesFrom(input.eligibility, "input.eligibility");
    const name = input.name?.trim();
    return inTransaction(this.dataSource, async (manager) => {
      const programmes = manager.getRepository(ProgrammeEntity);
      const programme = await programmes.findOne({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
      if (!programme) throw new AppError(ErrorCode.NOT_FOUND, `id: no programme ${id}`, { field: "id" });
      const language = (input.language as Language | undefined) ?? programme.language;
      const translations = input.translations ? storedTranslations(language, input.translations, PROGRAMME_TEXTS) : programme.translations;
      if (!input.translations) assertNotTranslated(language, translations);
      const tracks = input.tracks && tracksWithTranslations(language, input.tracks);
      if (!tracks && language !== programme.language) {
        const kept = await manager.getRepository(ProgrammeTrackEntity).findBy({ programmeId: localId });
        for (const track of kept) assertNotTranslated(language, track.translations);
      }
      const current = await manager.getRepository(ProgrammeRulesVersionEntity).findOneByOrFail({ programmeId: localId, version: programme.rulesVersion });
      if (name !== undefined && name !== programme.name && (await programmes.existsBy({ name }))) throw nameTaken(name);
      const before = [...programme.participatingNodeIds];
      const after = nodeIds ?? before;
      this.checkCrossBorderFeasible(input.crossBorderRule ?? programme.crossBorderRule, after);
      await assertNodesRemovable(
        manager,
        programme,
        before.filter((node) => !after.includes(node)),
      );
      if (input.tracks) await assertTracksRemovable(manager, programme, input.tracks);
      Object.assign(programme, {
        name: name ?? programme.name,
        description: input.description ?? programme.description,
        language,
        translations,
        participatingNodeIds: after,
        crossBorderRule: input.crossBorderRule ?? programme.crossBorderRule,
      });
      if (tracks) await this.replaceTracks(manager, localId, tracks);
      await dropQuotasOf(
        manager,
        localId,
        before.filter((node) => !after.includes(node)),
      );
      const next: RulesContent = {
        eligibility: eligibility ?? current.eligibility,
        reviewer: input.reviewer ?? current.reviewer,
        participatingNodeIds: after,
        trackCodes: input.tracks?.map((track) => track.code) ?? current.trackCodes,
        completion: current.completion,
      };
      if (!sameRules(current, next)) {
        programme.rulesVersion = current.version + 1;
        await this.addVersion(manager, localId, programme.rulesVersion, next, [...before, ...after]);
      }
      const saved = await programmes.save(programme);
      await this.tellJoinedNodesOfCohorts(
        manager,
        localId,
        after.filter((node) => !before.includes(node)),
      );
      return saved;
    }).catch(nameTakenOr(name ?? ""));
  }

  /**
   * Replaces the programme's completion rules (already checked against the
   * contract): a new version of its rules, told to its nodes, unless they
   * are the rules in force.
   */
  async setCompletionRules(programmeId: string, completion: CompletionRules): Promise<ProgrammeEntity> {
    const localId = this.directory.parseLocal(programmeId, PROGRAMME_KIND, "programmeId");
    return inTransaction(this.dataSource, async (manager) => {
      const programmes = manager.getRepository(ProgrammeEntity);
      const programme = await programmes.findOne({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
      if (!programme) throw new AppError(ErrorCode.NOT_FOUND, `programmeId: no programme ${programmeId}`, { field: "programmeId" });
      const current = await manager.getRepository(ProgrammeRulesVersionEntity).findOneByOrFail({ programmeId: localId, version: programme.rulesVersion });
      const next: RulesContent = { eligibility: current.eligibility, reviewer: current.reviewer, participatingNodeIds: current.participatingNodeIds, trackCodes: current.trackCodes, completion };
      if (sameRules(current, next)) return programme;
      programme.rulesVersion = current.version + 1;
      await this.addVersion(manager, localId, programme.rulesVersion, next, next.participatingNodeIds);
      return programmes.save(programme);
    });
  }

  /** Versions from before facts existed (a migrated programme): told to their nodes once, when the office starts. */
  async publishUnpublished(): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      const pending = await manager
        .getRepository(ProgrammeRulesVersionEntity)
        .createQueryBuilder("v")
        .where("v.published_at IS NULL")
        .orderBy("v.programme_id")
        .addOrderBy("v.version")
        .setLock("pessimistic_write")
        .setOnLocked("skip_locked")
        .getMany();
      for (const version of pending) await this.facts.rulesChanged(manager, version, version.participatingNodeIds);
      return pending.length;
    });
  }

  private async addVersion(manager: EntityManager, programmeId: string, version: number, content: RulesContent, receivers: readonly string[]): Promise<void> {
    const versions = manager.getRepository(ProgrammeRulesVersionEntity);
    const saved = await versions.save(versions.create({ programmeId, version, ...content, createdAt: new Date(), publishedAt: null }));
    await this.facts.rulesChanged(manager, saved, receivers);
  }

  private async replaceTracks(manager: EntityManager, programmeId: string, tracks: readonly TrackRow[]): Promise<void> {
    const repository = manager.getRepository(ProgrammeTrackEntity);
    await repository.delete({ programmeId });
    await repository.insert(tracks.map((track, position) => ({ programmeId, code: track.code, name: track.name.trim(), translations: track.translations, position })));
  }

  /** A node that joins learns of the programme's cohorts that are not closed, each as it stands. */
  private async tellJoinedNodesOfCohorts(manager: EntityManager, programmeId: string, joined: readonly string[]): Promise<void> {
    if (joined.length === 0) return;
    const cohorts = await manager.getRepository(CohortEntity).createQueryBuilder("c").where("c.programme_id = :programmeId AND c.state <> 'CLOSED' AND c.revision > 0", { programmeId }).getMany();
    for (const cohort of cohorts) await this.cohortFacts.stateOf(manager, cohort, joined);
  }

  /** Registered node ids, each once, in the order given. */
  private knownNodes(ids: readonly string[]): string[] {
    const nodeIds = [...new Set(ids)];
    for (const nodeId of nodeIds) this.directory.requireNode(nodeId, "input.participatingNodeIds");
    return nodeIds;
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

/** The texts of a programme that have translations. */
const PROGRAMME_TEXTS = ["name", "description"] as const;

type TrackRow = Pick<ProgrammeTrackEntity, "code" | "name" | "translations">;

/** Tracks with their translations checked against the programme's language, each refusal naming its track. */
function tracksWithTranslations(language: Language, tracks: readonly TrackInput[]): TrackRow[] {
  return tracks.map((track, index) => ({ code: track.code, name: track.name, translations: storedTranslations(language, track.translations ?? [], ["name"], `input.tracks.${index}.translations`) }));
}

function checkDistinctTracks(tracks: readonly TrackInput[]): void {
  const codes = tracks.map((track) => track.code);
  const duplicate = codes.find((code, index) => codes.indexOf(code) !== index);
  if (duplicate) throw invalidField("input.tracks", `track code "${duplicate}" appears twice`);
}

const nameTaken = (name: string) => new AppError(ErrorCode.CONFLICT, `input.name: a programme called "${name}" already exists`, { field: "input.name" });

function nameTakenOr(name: string) {
  return (error: unknown): never => {
    throw isUniqueViolation(error, "programmes_name_unique") ? nameTaken(name) : error;
  };
}

/** A node leaves only once none of its participants is enrolled in a cohort of the programme that is still open. */
async function assertNodesRemovable(manager: EntityManager, programme: ProgrammeEntity, removed: readonly string[]): Promise<void> {
  if (removed.length === 0) return;
  const rows: { node: string; count: number }[] = await manager.query(
    `SELECT split_part(e.participant_id, ':', 1) AS node, count(*)::int AS count FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
      WHERE c.programme_id = $1 AND c.state <> 'CLOSED' AND e.status = 'ACTIVE' AND split_part(e.participant_id, ':', 1) = ANY($2) GROUP BY 1 ORDER BY 1`,
    [programme.id, [...removed]],
  );
  if (rows.length === 0) return;
  const which = rows.map((row) => `${row.node} (${row.count})`).join(", ");
  throw new AppError(ErrorCode.CONFLICT, `input.participatingNodeIds: nodes with active enrolments in an open cohort of "${programme.name}" cannot leave it: ${which}; withdraw them first`, {
    field: "input.participatingNodeIds",
  });
}

/** A track stays while an active enrolment names it. */
async function assertTracksRemovable(manager: EntityManager, programme: ProgrammeEntity, tracks: readonly TrackInput[]): Promise<void> {
  const kept = tracks.map((track) => track.code);
  const rows: { track: string }[] = await manager.query(
    `SELECT DISTINCT e.track_code AS track FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
      WHERE c.programme_id = $1 AND e.status = 'ACTIVE' AND NOT (e.track_code = ANY($2)) ORDER BY 1`,
    [programme.id, kept],
  );
  if (rows.length === 0) return;
  throw new AppError(ErrorCode.CONFLICT, `input.tracks: active enrolments name ${rows.map((row) => `"${row.track}"`).join(", ")}; keep the track or withdraw them first`, { field: "input.tracks" });
}

/** A node that left has no places in the programme's cohorts that are still open. */
async function dropQuotasOf(manager: EntityManager, programmeId: string, removed: readonly string[]): Promise<void> {
  if (removed.length === 0) return;
  await manager.query(`DELETE FROM cohort_quotas q USING cohorts c WHERE c.id = q.cohort_id AND c.programme_id = $1 AND c.state <> 'CLOSED' AND q.node_id = ANY($2)`, [programmeId, [...removed]]);
}

function sameRules(a: RulesContent, b: RulesContent): boolean {
  const sameSet = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((item) => y.includes(item));
  return (
    a.reviewer === b.reviewer &&
    sameSet(a.participatingNodeIds, b.participatingNodeIds) &&
    sameSet(a.trackCodes, b.trackCodes) &&
    canonical(a.eligibility) === canonical(b.eligibility) &&
    canonical(a.completion) === canonical(b.completion)
  );
}

/** Rules as JSON with sorted keys: equal rules, equal text (the order of completion rules counts: it is the order shown). */
function canonical(rules: EligibilityRules | CompletionRules | null): string {
  return JSON.stringify(rules, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value,
  );
}
