/**
 * Peer-mentoring groups at the coordination office: the joint office forms
 * a group of a cohort and invites its mentees, or opens it for them to
 * join; each member consents (or joins an open group, which is consenting)
 * and may leave, which withdraws the consent. The office holds references
 * and states only; after every change the members' home nodes receive the
 * signed roster (PeerGroupFacts), from which they decide who sees a
 * member's display name.
 */
import { In, type DataSource, type EntityManager } from "typeorm";
import { AppError, ErrorCode, invalidField, MAX_PEER_GROUP_SIZE, PeerGroupChangeKind, peerGroupTopic, type UserCaller } from "@tandem/shared";
import { inTransaction, publishChange, repositoryOf } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { rules } from "../access/access.rules.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { lockCohort } from "../cohort/cohort.service.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { EnrolmentEntity } from "../enrolment/enrolment.entity.js";
import { participatingNodes } from "../survey/interest-survey.facts.js";
import { ProgrammeEntity } from "../programme/programme.entity.js";
import { PROGRAMME_KIND } from "../programme/programme.type.js";
import { PeerGroupEntity, PeerGroupMemberEntity } from "./peer-group.entity.js";
import type { PeerGroupFacts } from "./peer-group.facts.js";
import type { CreatePeerGroupInput } from "./peer-group.input.js";
import { PEER_GROUP_KIND } from "./peer-group.type.js";

/** Groups one cohort may have. */
export const MAX_PEER_GROUPS_PER_COHORT = 100;

/** Who may read a group, judged for the caller: coordinators of the programme's nodes, the cohort's enrolled participants, the group's members. */
export interface PeerGroupAudience {
  participatingNodeIds: readonly string[];
  callerEnrolled: boolean;
  callerMember: boolean;
}

export class PeerGroupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
    private readonly facts: PeerGroupFacts,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Forms a group of a cohort that is not CLOSED; nobody is in it yet. */
  async create(input: CreatePeerGroupInput, caller: UserCaller): Promise<PeerGroupEntity> {
    const cohortId = this.directory.parseLocal(input.cohortId, COHORT_KIND, "input.cohortId");
    return inTransaction(this.dataSource, async (manager) => {
      const cohort = await lockCohort(manager, cohortId, "input.cohortId");
      assertCohortOpen(cohort, "input.cohortId");
      const groups = manager.getRepository(PeerGroupEntity);
      if ((await groups.countBy({ cohortId })) >= MAX_PEER_GROUPS_PER_COHORT) throw invalidField("input.cohortId", `a cohort has at most ${MAX_PEER_GROUPS_PER_COHORT} peer groups`);
      const group = await groups.save(
        groups.create({ cohortId, name: input.name, topic: input.topic ?? "", mode: input.mode, sizeLimit: input.sizeLimit ?? null, revision: 0, toldNodeIds: [], createdBy: caller.sub }),
      );
      await this.changed(manager, group, PeerGroupChangeKind.CREATED);
      return group;
    });
  }

  /** The joint office invites an enrolled mentee of the group's cohort: INVITED until they consent. Inviting a member again changes nothing. */
  async invite(groupId: string, participantId: string): Promise<PeerGroupEntity> {
    this.directory.parseParticipant(participantId, "participantId");
    return inTransaction(this.dataSource, async (manager) => {
      const group = await this.lock(manager, groupId);
      if (await manager.existsBy(PeerGroupMemberEntity, { groupId: group.id, participantId })) return group;
      await this.assertMayEnter(manager, group, participantId);
      await manager.insert(PeerGroupMemberEntity, { groupId: group.id, participantId, status: "INVITED", addedBy: "JOINT_OFFICE", consentedAt: null });
      await this.facts.tell(manager, group);
      await this.changed(manager, group, PeerGroupChangeKind.MEMBER_ADDED);
      return group;
    });
  }

  /**
   * The person consents to a group they were invited to, or joins an open
   * group of their cohort (joining is consenting). Consented already: as it
   * is. A formed group's members are invited by the office only.
   */
  async join(groupId: string, participantId: string): Promise<PeerGroupEntity> {
    this.directory.parseParticipant(participantId, "participantId");
    return inTransaction(this.dataSource, async (manager) => {
      const group = await this.lock(manager, groupId);
      const members = manager.getRepository(PeerGroupMemberEntity);
      const member = await members.findOneBy({ groupId: group.id, participantId });
      if (member?.status === "CONSENTED") return group;
      if (member) {
        assertCohortOpen(await manager.getRepository(CohortEntity).findOneByOrFail({ id: group.cohortId }), "peerGroupId");
        await members.update({ groupId: group.id, participantId }, { status: "CONSENTED", consentedAt: this.now() });
      } else {
        if (group.mode !== "OPEN") {
          throw new AppError(ErrorCode.FORBIDDEN, "peerGroupId: the joint office invites the members of a formed group; it is not open to join", {
            field: "peerGroupId",
            rule: rules.joinPeerGroup.name,
          });
        }
        await this.assertMayEnter(manager, group, participantId);
        await members.insert({ groupId: group.id, participantId, status: "CONSENTED", addedBy: "SELF", consentedAt: this.now() });
      }
      await this.facts.tell(manager, group);
      await this.changed(manager, group, PeerGroupChangeKind.CONSENTED);
      return group;
    });
  }

  /** The member leaves (their consent ends with it), or the joint office removes them. Not a member: as it is. */
  async leave(groupId: string, participantId: string, removedByOffice: boolean): Promise<PeerGroupEntity> {
    this.directory.parseParticipant(participantId, "participantId");
    return inTransaction(this.dataSource, async (manager) => {
      const group = await this.lock(manager, groupId);
      const removed = (await manager.delete(PeerGroupMemberEntity, { groupId: group.id, participantId })).affected ?? 0;
      if (removed === 0) return group;
      await this.facts.tell(manager, group);
      await this.changed(manager, group, removedByOffice ? PeerGroupChangeKind.REMOVED : PeerGroupChangeKind.LEFT);
      return group;
    });
  }

  /** Whether a programme's peer groups' meetings count toward its cohorts' packages; its groups' members' nodes are told again. */
  async setMeetingsCount(programmeId: string, count: boolean): Promise<ProgrammeEntity> {
    const localId = this.directory.parseLocal(programmeId, PROGRAMME_KIND, "programmeId");
    return inTransaction(this.dataSource, async (manager) => {
      const programme = await manager.getRepository(ProgrammeEntity).findOne({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
      if (!programme) throw new AppError(ErrorCode.NOT_FOUND, `programmeId: no programme ${programmeId}`, { field: "programmeId" });
      if (programme.peerMeetingsCount === count) return programme;
      programme.peerMeetingsCount = count;
      const saved = await manager.getRepository(ProgrammeEntity).save(programme);
      const groups = await manager
        .getRepository(PeerGroupEntity)
        .createQueryBuilder("g")
        .innerJoin(CohortEntity, "c", "c.id = g.cohort_id")
        .where("c.programme_id = :programmeId", { programmeId: localId })
        .orderBy("g.id")
        .setLock("pessimistic_write", undefined, ["g"])
        .getMany();
      for (const group of groups) {
        await this.facts.tell(manager, group);
        await this.changed(manager, group, PeerGroupChangeKind.RULES_CHANGED);
      }
      return saved;
    });
  }

  /**
   * The person leaves every group (of one cohort: their enrolment in it
   * ended; of all: they were erased); the other members' nodes hear the
   * roster without them. Returns how many memberships went.
   */
  async removeMember(manager: EntityManager, participantId: string, cohortLocalId: string | null = null): Promise<number> {
    const groupIds = (await manager.find(PeerGroupMemberEntity, { where: { participantId }, order: { groupId: "ASC" } })).map((member) => member.groupId);
    if (groupIds.length === 0) return 0;
    const groups = await manager
      .getRepository(PeerGroupEntity)
      .find({ where: { id: In(groupIds), ...(cohortLocalId ? { cohortId: cohortLocalId } : {}) }, order: { id: "ASC" }, lock: { mode: "pessimistic_write" } });
    if (groups.length === 0) return 0;
    const removed = (await manager.delete(PeerGroupMemberEntity, { participantId, groupId: In(groups.map((group) => group.id)) })).affected ?? 0;
    for (const group of groups) {
      await this.facts.tell(manager, group);
      await this.changed(manager, group, PeerGroupChangeKind.LEFT);
    }
    return removed;
  }

  async get(id: string, field = "id"): Promise<PeerGroupEntity> {
    const localId = this.directory.parseLocal(id, PEER_GROUP_KIND, field);
    const group = await repositoryOf(this.dataSource, PeerGroupEntity).findOneBy({ id: localId });
    if (!group) throw new AppError(ErrorCode.NOT_FOUND, `${field}: no peer group ${id}`, { field });
    return group;
  }

  /** A cohort's groups, oldest first. */
  async ofCohort(cohortId: string): Promise<{ cohort: CohortEntity; groups: PeerGroupEntity[] }> {
    const localId = this.directory.parseLocal(cohortId, COHORT_KIND, "cohortId");
    const cohort = await repositoryOf(this.dataSource, CohortEntity).findOneBy({ id: localId });
    if (!cohort) throw new AppError(ErrorCode.NOT_FOUND, `cohortId: no cohort ${cohortId}`, { field: "cohortId" });
    const groups = await repositoryOf(this.dataSource, PeerGroupEntity).find({ where: { cohortId: localId }, order: { createdAt: "ASC", id: "ASC" } });
    return { cohort, groups };
  }

  /** The groups a person is a member of (invited or consented), oldest first. */
  async ofParticipant(participantId: string): Promise<PeerGroupEntity[]> {
    this.directory.parseParticipant(participantId, "participantId");
    return repositoryOf(this.dataSource, PeerGroupEntity)
      .createQueryBuilder("g")
      .where(`g.id IN (SELECT m.group_id FROM peer_group_members m WHERE m.participant_id = :participantId)`, { participantId })
      .orderBy("g.created_at", "ASC")
      .addOrderBy("g.id", "ASC")
      .getMany();
  }

  /** Members of several groups (local ids), in the order they were added, one query. */
  async membersOf(groupIds: readonly string[]): Promise<PeerGroupMemberEntity[]> {
    if (groupIds.length === 0) return [];
    return repositoryOf(this.dataSource, PeerGroupMemberEntity).find({ where: { groupId: In([...groupIds]) }, order: { addedAt: "ASC", participantId: "ASC" } });
  }

  /** Who may read the group (a cohort's groups: `localId` null), judged for the caller's subject. */
  async audience(group: { localId: string | null; cohortLocalId: string }, subject: string | null): Promise<PeerGroupAudience> {
    const manager = repositoryOf(this.dataSource, PeerGroupEntity).manager;
    const participatingNodeIds = await participatingNodes(manager, group.cohortLocalId);
    if (subject === null) return { participatingNodeIds, callerEnrolled: false, callerMember: false };
    const callerEnrolled = await manager.getRepository(EnrolmentEntity).existsBy({ cohortId: group.cohortLocalId, participantId: subject, status: "ACTIVE" });
    const callerMember = group.localId !== null && (await manager.getRepository(PeerGroupMemberEntity).existsBy({ groupId: group.localId, participantId: subject }));
    return { participatingNodeIds, callerEnrolled, callerMember };
  }

  /** The memberships the office holds of a person, for their data export. */
  async exportOf(participantId: string): Promise<Record<string, unknown>[]> {
    const members = await repositoryOf(this.dataSource, PeerGroupMemberEntity).find({ where: { participantId }, relations: { group: true }, order: { addedAt: "ASC", groupId: "ASC" } });
    return members.map((member) => ({
      peerGroupId: this.directory.globalId(PEER_GROUP_KIND, member.groupId),
      cohortId: this.directory.globalId(COHORT_KIND, member.group!.cohortId),
      name: member.group!.name,
      status: member.status,
      addedBy: member.addedBy,
      addedAt: member.addedAt.toISOString(),
      consentedAt: member.consentedAt?.toISOString() ?? null,
    }));
  }

  /** An enrolled mentee of the group's cohort, while it runs, and a seat left. */
  private async assertMayEnter(manager: EntityManager, group: PeerGroupEntity, participantId: string): Promise<void> {
    assertCohortOpen(await manager.getRepository(CohortEntity).findOneByOrFail({ id: group.cohortId }), "peerGroupId");
    const enrolment = await manager.getRepository(EnrolmentEntity).findOneBy({ cohortId: group.cohortId, participantId, status: "ACTIVE" });
    if (!enrolment) throw new AppError(ErrorCode.NOT_IN_COHORT, `participantId: ${participantId} is not enrolled in the group's cohort`, { field: "participantId" });
    if (enrolment.role !== "MENTEE")
      throw new AppError(ErrorCode.AUDIENCE_MISMATCH, `participantId: peer groups are for the cohort's mentees, and ${participantId} is enrolled as mentor`, { field: "participantId" });
    const size = group.sizeLimit ?? MAX_PEER_GROUP_SIZE;
    if ((await manager.countBy(PeerGroupMemberEntity, { groupId: group.id })) >= size) {
      throw new AppError(ErrorCode.PEER_GROUP_FULL, `peerGroupId: the group has its ${size} members`, { field: "peerGroupId", sizeLimit: size });
    }
  }

  private async lock(manager: EntityManager, id: string): Promise<PeerGroupEntity> {
    const localId = this.directory.parseLocal(id, PEER_GROUP_KIND, "peerGroupId");
    const group = await manager.getRepository(PeerGroupEntity).findOne({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
    if (!group) throw new AppError(ErrorCode.NOT_FOUND, `peerGroupId: no peer group ${id}`, { field: "peerGroupId" });
    return group;
  }

  private changed(manager: EntityManager, group: PeerGroupEntity, kind: PeerGroupChangeKind): Promise<void> {
    const peerGroupId = this.directory.globalId(PEER_GROUP_KIND, group.id);
    return publishChange(manager, { topics: [peerGroupTopic(peerGroupId)], kind, refs: { peerGroupId } });
  }
}

function assertCohortOpen(cohort: CohortEntity, field: string): void {
  if (cohort.state === "CLOSED") throw new AppError(ErrorCode.COHORT_STATE, `${field}: cohort "${cohort.name}" is CLOSED`, { field, state: cohort.state });
}
