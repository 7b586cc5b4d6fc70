import type { DataSource, Repository } from "typeorm";
import { AppError, ErrorCode, invalidField, rejectNulls } from "@tandem/shared";
import { globalIds, inTransaction, keysetPage, managerOf, repositoryOf, rowsByKey, type Page } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { ParticipantEntity } from "./participant.entity.js";
import type { CreateParticipantInput, UpdateParticipantInput } from "./participant.input.js";
import type { ParticipantsArgs } from "./participant.args.js";
import { PARTICIPANT_KIND } from "./participant.type.js";

const STUDENT_LEVELS = new Set(["BACHELOR", "MASTER", "DOCTORAL"]);

export class ParticipantService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
  ) {}

  /** Bound to the current unit of work (a mutation), if any. */
  private get repository(): Repository<ParticipantEntity> {
    return repositoryOf(this.dataSource, ParticipantEntity);
  }

  /** Every column, or the id and `properties` only (reading another property of such a participant throws). */
  async findByIds(ids: readonly string[], properties?: readonly (keyof ParticipantEntity & string)[]): Promise<ParticipantEntity[]> {
    if (ids.length === 0) return [];
    // one array parameter, read without the query builder: a list answer asks for hundreds of participants at once
    return rowsByKey(managerOf(this.dataSource), ParticipantEntity, ids, properties);
  }

  private columnProperties: ReadonlySet<string> | undefined;

  /** The properties of a participant that are columns. */
  get columns(): ReadonlySet<string> {
    return (this.columnProperties ??= new Set(this.dataSource.getMetadata(ParticipantEntity).columns.map((column) => column.propertyName)));
  }

  async get(id: string, field = "id"): Promise<ParticipantEntity> {
    const localId = this.directory.parseLocal(id, PARTICIPANT_KIND, field);
    const participant = await this.repository.findOneBy({ id: localId });
    if (!participant) throw new AppError(ErrorCode.NOT_FOUND, `${field}: no participant ${id} at node ${this.directory.self.id}`, { field });
    return participant;
  }

  /** The node's participants, oldest first. */
  async list(args: ParticipantsArgs): Promise<Page<ParticipantEntity>> {
    this.directory.assertSelf(args.node, "node");
    const filtered = this.repository.createQueryBuilder("p");
    if (args.role) filtered.andWhere("p.role = :role", { role: args.role });
    if (args.track) filtered.andWhere(":track = ANY(p.tracks)", { track: args.track });
    return keysetPage(filtered, args, { list: "participants", timeColumn: "p.created_at", idColumn: "p.id", timeOf: (p) => p.createdAt, ids: globalIds(this.directory, PARTICIPANT_KIND) });
  }

  /** By the node's coordinators, who are told when another participant of the node uses the address. */
  async create(input: CreateParticipantInput): Promise<ParticipantEntity> {
    return this.saveWithEmail(true, this.fromInput(input));
  }

  /**
   * Self-service: the profile of a person this node signed in (the token's
   * subject) who has none yet, under the subject's own id. A person who has
   * one gets it back as it is (they change it with updateParticipant). They
   * are never told that another participant uses their address.
   */
  async createOwn(participantId: string, input: CreateParticipantInput): Promise<ParticipantEntity> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    const participant = this.fromInput(input);
    return inTransaction(this.dataSource, async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`participant-own:${localId}`]);
      const existing = await manager.getRepository(ParticipantEntity).findOneBy({ id: localId });
      if (existing) return existing;
      return manager.getRepository(ParticipantEntity).save(Object.assign(participant, { id: localId }));
    });
  }

  /** A new participant from the input, checked against the degree and capacity rules. */
  private fromInput(input: CreateParticipantInput): ParticipantEntity {
    this.checkDegree(input.role, input.degreeLevel ?? null, input.semester ?? null);
    const mentorCapacity = checkMentorCapacity(input.role, input.mentorCapacity ?? null);
    return this.repository.create({
      role: input.role,
      displayName: input.displayName.trim(),
      email: input.email.trim().toLowerCase(),
      degreeLevel: input.degreeLevel ?? null,
      semester: input.semester ?? null,
      discipline: input.discipline ?? null,
      organisation: input.organisation ?? null,
      phone: input.phone?.trim() ?? null,
      about: input.about ?? null,
      languages: dedupe(input.languages),
      tracks: dedupe(input.tracks),
      publicProfile: input.publicProfile,
      disciplineCode: input.disciplineCode ?? null,
      goalCodes: dedupe(input.goalCodes),
      meetingFormat: input.meetingFormat ?? null,
      region: input.region ?? null,
      availabilityHoursPerMonth: input.availabilityHoursPerMonth ?? null,
      mentorCapacity,
      experienceYears: input.experienceYears ?? null,
      employer: input.employer?.trim() ?? null,
      supervisor: input.supervisor?.trim() ?? null,
    });
  }

  /**
   * `byCoordinator`: a coordinator of the node, who is told (CONFLICT) when
   * the new address is another participant's. The person changing their own
   * address is never told: that answer would reveal whether an address
   * belongs to someone at the node.
   */
  async update(id: string, input: UpdateParticipantInput, byCoordinator: boolean): Promise<ParticipantEntity> {
    rejectNulls(input, NON_NULLABLE);
    const participant = await this.get(id);
    const next = { ...participant };
    for (const key of ["displayName", "degreeLevel", "semester", "discipline", "organisation", "about", "publicProfile", ...MATCHING_KEYS] as const) {
      if (input[key] !== undefined) Object.assign(next, { [key]: input[key] });
    }
    for (const key of ["employer", "supervisor"] as const) {
      if (input[key] !== undefined) next[key] = input[key]?.trim() ?? null;
    }
    if (input.phone !== undefined) next.phone = input.phone?.trim() ?? null;
    if (input.email !== undefined) next.email = input.email.trim().toLowerCase();
    if (input.languages) next.languages = dedupe(input.languages);
    if (input.tracks) next.tracks = dedupe(input.tracks);
    if (input.goalCodes) next.goalCodes = dedupe(input.goalCodes);
    this.checkDegree(next.role, next.degreeLevel, next.semester);
    next.mentorCapacity = checkMentorCapacity(next.role, input.mentorCapacity === undefined ? next.mentorCapacity : input.mentorCapacity);
    return this.saveWithEmail(byCoordinator && next.email !== participant.email, next);
  }

  private checkDegree(role: string, degreeLevel: string | null, semester: number | null): void {
    if (role === "MENTEE" && !degreeLevel) throw invalidField("input.degreeLevel", "is required for mentees");
    if (semester !== null && (!degreeLevel || !STUDENT_LEVELS.has(degreeLevel))) {
      throw invalidField("input.semester", "applies only to bachelor, master and doctoral students");
    }
  }

  /** Saves, first refusing an address another participant uses when `checkInUse`; a lock per address orders concurrent claims. */
  private async saveWithEmail(checkInUse: boolean, participant: ParticipantEntity): Promise<ParticipantEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      if (checkInUse) {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`participant-email:${participant.email}`]);
        const others = manager.getRepository(ParticipantEntity).createQueryBuilder("p").where("p.email = :email", { email: participant.email });
        if (participant.id) others.andWhere("p.id <> :id", { id: participant.id });
        if (await others.getExists()) throw emailTaken();
      }
      return manager.getRepository(ParticipantEntity).save(participant);
    });
  }
}

/** Fields of UpdateParticipantInput that may be omitted but not cleared. */
const NON_NULLABLE = ["displayName", "email", "languages", "tracks", "publicProfile", "goalCodes"] as const;
/** Coded matching fields an update copies as given (null clears). */
const MATCHING_KEYS = ["disciplineCode", "meetingFormat", "region", "availabilityHoursPerMonth", "experienceYears"] as const;
const DEFAULT_MENTOR_CAPACITY = 1;

/** Mentors take 1 mentee unless they say otherwise (null: the default); nobody else has a capacity. */
function checkMentorCapacity(role: string, capacity: number | null): number | null {
  if (role === "MENTOR") return capacity ?? DEFAULT_MENTOR_CAPACITY;
  if (capacity !== null) throw invalidField("input.mentorCapacity", "applies to mentors only");
  return null;
}

function emailTaken(): AppError {
  return new AppError(ErrorCode.CONFLICT, "input.email: another participant of this node uses this address", { field: "input.email" });
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}
