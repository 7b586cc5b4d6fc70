/**
 * Live updates: what each subscription field follows, at which parties, who
 * may follow it, and how a subscription document becomes a LiveSubscription.
 */
import { GraphQLError, print, type ExecutionArgs, type ExecutionResult } from "graphql";
import {
  AgreementChangeKind,
  agreementTopic,
  AppError,
  ApplicationChangeKind,
  applicationPipelineTopic,
  applicationTopic,
  CONSORTIUM_EVENTS_TOPIC,
  ErrorCode,
  EventChangeKind,
  RegistrationChangeKind,
  TandemChangeKind,
  eventTopic,
  registrationsTopic,
  tandemTopic,
  tryParseGlobalId,
  MeetingChangeKind,
  meetingsTopic,
  MediationCaseChangeKind,
  mediationCasesTopic,
  mediationCaseTopic,
  MonitoringChangeKind,
  monitoringTopic,
  AttendanceChangeKind,
  attendanceTopic,
  PackageChangeKind,
  programmeCompletionTopic,
  programmePackageTopic,
  SurveyChangeKind,
  surveyTopic,
  PeerGroupChangeKind,
  peerGroupTopic,
  MatchingRoundChangeKind,
  matchingRoundTopic,
  type Logger,
  type UserCaller,
} from "@tandem/shared";
import { argumentValues, collectFields, parseOperation, type CollectedField, type ParsedOperation, type Variables } from "../documents/operation.js";
import type { FeedChange, PartyFeed } from "../parties/party-feed.js";
import { decodeLiveCursor, type LivePositions } from "./live-cursor.js";
import { LiveSubscription } from "./live-subscription.js";
import { planSelection, SelectionQueries, selectionVariables } from "./selection.js";
import { ChangeResolution, Semaphore, type RunAs } from "./shared-resolution.js";
import type { UpdateSink } from "./update-frames.js";
import type { UpstreamHub } from "./upstream-hub.js";

interface FieldSpec {
  payloadType: string;
  kinds: string[];
  /** Parties to follow and the topic there. */
  source(args: Record<string, unknown>, nodeIds: readonly string[], coordinationId: string): { parties: string[]; topic: string };
  /** A query the subscriber must be able to answer to follow this (null: any signed-in user). */
  probe: ((args: Record<string, unknown>) => { query: string; variables: Variables; field: string }) | null;
}

const EVENT_KINDS = Object.values(EventChangeKind);

function homeOf(id: unknown, kind: string, field: string, known: readonly string[]): string {
  const parsed = typeof id === "string" ? tryParseGlobalId(id) : null;
  if (!parsed || parsed.kind !== kind) throw new AppError(ErrorCode.BAD_USER_INPUT, `${field}: "${String(id)}" is not a ${kind} id`, { field });
  if (!known.includes(parsed.node)) throw new AppError(ErrorCode.UNKNOWN_NODE, `${field}: "${parsed.node}" is not a party of this consortium`, { field, node: parsed.node });
  return parsed.node;
}

const eventProbe = (args: Record<string, unknown>) => ({ query: `query LiveAccess($id: ID!) { event(id: $id) { id } }`, variables: { id: args.eventId }, field: "event" });

export const LIVE_FIELDS: Record<string, FieldSpec> = {
  eventUpdated: {
    payloadType: "EventUpdate",
    kinds: EVENT_KINDS,
    source: (args, nodes) => ({ parties: [homeOf(args.eventId, "event", "eventId", nodes)], topic: eventTopic(String(args.eventId)) }),
    probe: eventProbe,
  },
  eventRegistrations: {
    payloadType: "RegistrationUpdate",
    kinds: Object.values(RegistrationChangeKind),
    source: (args, nodes) => ({ parties: [homeOf(args.eventId, "event", "eventId", nodes)], topic: registrationsTopic(String(args.eventId)) }),
    probe: eventProbe,
  },
  consortiumEvents: {
    payloadType: "EventUpdate",
    kinds: EVENT_KINDS,
    source: (args, nodes) => {
      const requested = args.nodes as string[] | null | undefined;
      const unknown = (requested ?? []).filter((node) => !nodes.includes(node));
      if (unknown.length) throw new AppError(ErrorCode.UNKNOWN_NODE, `nodes: ${unknown.join(", ")} not nodes of this consortium`, { field: "nodes" });
      return { parties: requested?.length ? [...new Set(requested)] : [...nodes], topic: CONSORTIUM_EVENTS_TOPIC };
    },
    probe: null,
  },
  applicationUpdated: {
    payloadType: "ApplicationUpdate",
    kinds: Object.values(ApplicationChangeKind),
    source: (args, nodes) => ({ parties: [homeOf(args.applicationId, "application", "applicationId", nodes)], topic: applicationTopic(String(args.applicationId)) }),
    probe: (args) => ({ query: `query LiveAccess($id: ID!) { application(id: $id) { id } }`, variables: { id: args.applicationId }, field: "application" }),
  },
  applicationPipelineUpdated: {
    payloadType: "ApplicationPipelineUpdate",
    kinds: Object.values(ApplicationChangeKind),
    source: (args, nodes, coordinationId) => {
      homeOf(args.cohortId, "cohort", "cohortId", [coordinationId]);
      const nodeId = args.nodeId as string | null | undefined;
      if (nodeId && !nodes.includes(nodeId)) throw new AppError(ErrorCode.UNKNOWN_NODE, `nodeId: "${nodeId}" is not a node of this consortium`, { field: "nodeId", node: nodeId });
      return { parties: [coordinationId], topic: applicationPipelineTopic(String(args.cohortId), nodeId ?? undefined) };
    },
    // one node's changes: who may read that node's pipeline; every node's changes name every application: who may read the cohort's records
    probe: (args) =>
      args.nodeId
        ? {
            query: `query LiveAccess($id: ID!, $node: String) { applicationPipeline(cohortId: $id, nodeId: $node) { cohortId } }`,
            variables: { id: args.cohortId, node: args.nodeId },
            field: "applicationPipeline",
          }
        : { query: `query LiveAccess($id: ID!) { applicationRecords(cohortId: $id, first: 1) { pageInfo { hasNextPage } } }`, variables: { id: args.cohortId }, field: "applicationRecords" },
  },
  tandemUpdated: {
    payloadType: "TandemUpdate",
    kinds: Object.values(TandemChangeKind),
    source: (args, _nodes, coordinationId) => {
      homeOf(args.tandemId, "tandem", "tandemId", [coordinationId]);
      return { parties: [coordinationId], topic: tandemTopic(String(args.tandemId)) };
    },
    probe: (args) => ({ query: `query LiveAccess($id: ID!) { tandem(id: $id) { id } }`, variables: { id: args.tandemId }, field: "tandem" }),
  },
  agreementUpdated: {
    payloadType: "AgreementUpdate",
    kinds: Object.values(AgreementChangeKind),
    source: (args, nodes) => ({ parties: [homeOf(args.agreementId, "agreement", "agreementId", nodes)], topic: agreementTopic(String(args.agreementId)) }),
    probe: (args) => ({ query: `query LiveAccess($id: ID!) { agreement(id: $id) { id } }`, variables: { id: args.agreementId }, field: "agreement" }),
  },
  tandemMeetings: {
    payloadType: "MeetingUpdate",
    kinds: Object.values(MeetingChangeKind),
    source: (args, nodes, coordinationId) => {
      homeOf(args.tandemId, "tandem", "tandemId", [coordinationId]);
      return { parties: [homeOf(args.menteeId, "participant", "menteeId", nodes)], topic: meetingsTopic(String(args.tandemId)) };
    },
    probe: (args) => ({
      query: `query LiveAccess($t: ID!, $m: ID!) { meetings(tandemId: $t, menteeId: $m, first: 1) { totalCount } }`,
      variables: { t: args.tandemId, m: args.menteeId },
      field: "meetings",
    }),
  },
  mediationCaseUpdated: {
    payloadType: "MediationCaseUpdate",
    kinds: Object.values(MediationCaseChangeKind),
    source: (args, _nodes, coordinationId) => {
      homeOf(args.caseId, "mediation-case", "caseId", [coordinationId]);
      return { parties: [coordinationId], topic: mediationCaseTopic(String(args.caseId)) };
    },
    probe: (args) => ({ query: `query LiveAccess($id: ID!) { mediationCase(id: $id) { id } }`, variables: { id: args.caseId }, field: "mediationCase" }),
  },
  // the office decides who may follow a node's cases or figures: the list (figures) of that node must answer for the subscriber
  mediationCasesUpdated: {
    payloadType: "MediationCaseUpdate",
    kinds: Object.values(MediationCaseChangeKind),
    source: cohortNodeSource(mediationCasesTopic, true),
    probe: (args) => ({
      query: `query LiveAccess($c: ID!, $n: String) { mediationCases(cohortId: $c, nodeId: $n, first: 1) { pageInfo { hasNextPage } } }`,
      variables: { c: args.cohortId, n: args.nodeId },
      field: "mediationCases",
    }),
  },
  tandemMonitoringUpdated: {
    payloadType: "MonitoringUpdate",
    kinds: Object.values(MonitoringChangeKind),
    source: cohortNodeSource(monitoringTopic, false),
    probe: (args) => ({
      query: `query LiveAccess($c: ID!, $n: String) { tandemMonitoring(cohortId: $c, nodeId: $n) { cohortId } }`,
      variables: { c: args.cohortId, n: args.nodeId },
      field: "tandemMonitoring",
    }),
  },
  // attendance at one event: resolved per update as the subscriber (registration.read), like its registrations
  eventAttendance: {
    payloadType: "AttendanceUpdate",
    kinds: Object.values(AttendanceChangeKind),
    source: (args, nodes) => ({ parties: [homeOf(args.eventId, "event", "eventId", nodes)], topic: attendanceTopic(String(args.eventId)) }),
    probe: eventProbe,
  },
  // a package is followed by its enrolled application's id: topics never name a person
  programmePackageUpdated: {
    payloadType: "PackageUpdate",
    kinds: Object.values(PackageChangeKind),
    source: (args, nodes) => ({ parties: [homeOf(args.applicationId, "application", "applicationId", nodes)], topic: programmePackageTopic(String(args.applicationId)) }),
    probe: (args) => ({ query: `query LiveAccess($id: ID!) { application(id: $id) { id } }`, variables: { id: args.applicationId }, field: "application" }),
  },
  packageCompletionUpdated: {
    payloadType: "PackageUpdate",
    kinds: Object.values(PackageChangeKind),
    source: (args, nodes, coordinationId) => {
      homeOf(args.cohortId, "cohort", "cohortId", [coordinationId]);
      const nodeId = String(args.nodeId);
      if (!nodes.includes(nodeId)) throw new AppError(ErrorCode.UNKNOWN_NODE, `nodeId: "${nodeId}" is not a node of this consortium`, { field: "nodeId", node: nodeId });
      return { parties: [nodeId], topic: programmeCompletionTopic(String(args.cohortId), nodeId) };
    },
    probe: (args) => ({
      query: `query LiveAccess($c: ID!, $n: String!) { packageCompletion(node: $n, cohortId: $c) { cohortId } }`,
      variables: { c: args.cohortId, n: args.nodeId },
      field: "packageCompletion",
    }),
  },
  surveyUpdated: {
    payloadType: "SurveyUpdate",
    kinds: Object.values(SurveyChangeKind),
    source: (args, _nodes, coordinationId) => {
      homeOf(args.surveyId, "interest-survey", "surveyId", [coordinationId]);
      return { parties: [coordinationId], topic: surveyTopic(String(args.surveyId)) };
    },
    probe: (args) => ({ query: `query LiveAccess($id: ID!) { interestSurvey(id: $id) { id } }`, variables: { id: args.surveyId }, field: "interestSurvey" }),
  },
  peerGroupUpdated: {
    payloadType: "PeerGroupUpdate",
    kinds: Object.values(PeerGroupChangeKind),
    source: (args, _nodes, coordinationId) => {
      homeOf(args.peerGroupId, "peer-group", "peerGroupId", [coordinationId]);
      return { parties: [coordinationId], topic: peerGroupTopic(String(args.peerGroupId)) };
    },
    probe: (args) => ({ query: `query LiveAccess($id: ID!) { peerGroup(id: $id) { id } }`, variables: { id: args.peerGroupId }, field: "peerGroup" }),
  },
  // the round's steps as they happen: the subscriber selects `matchingRound { status progress … }` to read it as themselves
  matchingRoundUpdated: {
    payloadType: "MatchingRoundUpdate",
    kinds: Object.values(MatchingRoundChangeKind),
    source: (args, _nodes, coordinationId) => {
      homeOf(args.id, "matching-round", "id", [coordinationId]);
      return { parties: [coordinationId], topic: matchingRoundTopic(String(args.id)) };
    },
    probe: (args) => ({ query: `query LiveAccess($id: ID!) { matchingRound(id: $id) { id } }`, variables: { id: args.id }, field: "matchingRound" }),
  },
};

/** A cohort's topic of one node (or of the office's own cases: `nodeId` the coordination office's id). */
function cohortNodeSource(topicOf: (cohortId: string, nodeId: string) => string, allowOffice: boolean) {
  return (args: Record<string, unknown>, nodes: readonly string[], coordinationId: string) => {
    homeOf(args.cohortId, "cohort", "cohortId", [coordinationId]);
    const nodeId = String(args.nodeId);
    if (!nodes.includes(nodeId) && !(allowOffice && nodeId === coordinationId)) {
      throw new AppError(ErrorCode.UNKNOWN_NODE, `nodeId: "${nodeId}" is not a node of this consortium`, { field: "nodeId", node: nodeId });
    }
    return { parties: [coordinationId], topic: topicOf(String(args.cohortId), nodeId) };
  };
}

export interface LiveServiceOptions {
  hub: UpstreamHub;
  feeds: ReadonlyMap<string, PartyFeed>;
  nodeIds: readonly string[];
  coordinationId: string;
  runAs: RunAs;
  logger: Logger;
  backlog?: number;
  concurrentRuns?: number;
}

/** Distinct subscription selections whose queries are kept (the oldest is forgotten first). */
const SELECTIONS_KEPT = 1_000;

export class LiveService {
  private readonly resolutions = new Map<string, ChangeResolution>();
  private readonly resolutionsByChange = new WeakMap<FeedChange, ChangeResolution>();
  private readonly selections = new Map<string, SelectionQueries>();
  private readonly semaphore: Semaphore;
  private active = 0;

  constructor(private readonly options: LiveServiceOptions) {
    this.semaphore = new Semaphore(options.concurrentRuns ?? 32);
  }

  get activeSubscriptions(): number {
    return this.active;
  }

  /** Checks the subscription before it starts: valid arguments, and the subscriber may see what it follows. */
  async admit(args: ExecutionArgs, caller: UserCaller): Promise<readonly GraphQLError[] | null> {
    try {
      const { spec, values } = this.rootOf(args);
      const { parties } = spec.source(values, this.options.nodeIds, this.options.coordinationId);
      // refused here, as this subscription's error: thrown later, it would close the client's whole socket
      if (typeof values.after === "string") decodeLiveCursor(values.after, parties);
      if (!spec.probe) return null;
      const probe = spec.probe(values);
      const { body } = await this.options.runAs(probe.query, probe.variables, caller);
      if (body.data?.[probe.field]) return null;
      const reason = body.errors?.[0];
      return [new GraphQLError(reason?.message ?? `${probe.field}: not found, or not visible to you`, { extensions: { code: reason?.extensions?.code ?? ErrorCode.NOT_FOUND } })];
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
  }

  /** `sink`: where updates may go straight to the subscriber's socket (see LiveRequest). */
  async subscribe(args: ExecutionArgs, caller: UserCaller, sink: UpdateSink | null = null): Promise<AsyncIterableIterator<ExecutionResult>> {
    const { spec, values, root, parsed, variables, text } = this.rootOf(args);
    const { parties, topic } = spec.source(values, this.options.nodeIds, this.options.coordinationId);
    const positions: LivePositions = typeof values.after === "string" ? decodeLiveCursor(values.after, parties) : Object.fromEntries(parties.map((party) => [party, null]));
    this.active++;
    const subscription = new LiveSubscription(
      {
        hub: this.options.hub,
        feeds: this.options.feeds,
        logger: this.options.logger,
        backlog: this.options.backlog ?? 1_000,
        runsFor: (party, change, selection) => this.resolutionOf(party, change).prepare(selection, change.refs),
        closed: () => this.active--,
      },
      { rootKey: root.responseKey, payloadType: spec.payloadType, topic, parties, positions, queries: this.selectionOf(text, root, parsed, variables), caller, kinds: new Set(spec.kinds), sink },
    );
    subscription.start();
    return subscription.updates;
  }

  /** One SelectionQueries per document and variables, shared by every subscription that has them. */
  private selectionOf(text: string, root: CollectedField, parsed: ParsedOperation, variables: Variables): SelectionQueries {
    const own = selectionVariables(root, parsed, variables);
    const key = `${text}\n${JSON.stringify(own)}`;
    let selection = this.selections.get(key);
    if (!selection) {
      if (this.selections.size >= SELECTIONS_KEPT) this.selections.delete(this.selections.keys().next().value!);
      selection = new SelectionQueries(planSelection(root, parsed, variables), parsed, own);
      this.selections.set(key, selection);
    }
    return selection;
  }

  /** The runs of one change, shared by its subscribers (also by those that replay it later, within 30 s). */
  private resolutionOf(party: string, change: FeedChange): ChangeResolution {
    let resolution = this.resolutionsByChange.get(change);
    if (resolution) return resolution;
    const key = `${party}|${change.cursor}`;
    resolution = this.resolutions.get(key);
    if (!resolution) {
      resolution = new ChangeResolution(this.options.runAs, this.semaphore);
      this.resolutions.set(key, resolution);
      setTimeout(() => this.resolutions.delete(key), 30_000).unref();
    }
    // a live change reaches every subscriber as one object: they find its runs without building a key
    this.resolutionsByChange.set(change, resolution);
    return resolution;
  }

  private rootOf(args: ExecutionArgs) {
    const text = printedDocument(args);
    const parsed = parseOperation(text);
    const variables = (args.variableValues ?? {}) as Variables;
    const [root] = collectFields(parsed.operation.selectionSet, parsed.fragments, variables);
    const spec = root ? LIVE_FIELDS[root.name] : undefined;
    if (!root || !spec) throw new AppError(ErrorCode.BAD_USER_INPUT, `${root?.name ?? "(nothing)"} is not a live update`);
    return { spec, values: argumentValues(root.nodes[0]!, variables), root, parsed, variables, text };
  }
}

const printed = new WeakMap<object, string>();

function printedDocument(args: ExecutionArgs): string {
  let text = printed.get(args.document);
  if (!text) {
    text = print(args.document);
    printed.set(args.document, text);
  }
  return text;
}
