/**
 * The node's calendar parts, served to the gateway only (its own system
 * token): the gateway assembles and renders the feeds calendar apps fetch.
 * A personal feed's subject is known only from its token, at the home node;
 * other nodes answer for that subject only on the home node's signed,
 * short-lived word (a participant-actor attestation for the calendar feed).
 */
import express, { type Express, type Request, type RequestHandler, type Response } from "express";
import { callerOf, verifyParticipantActorProof, type CalendarEntry, type ConsortiumRegistry, type Logger } from "@tandem/shared";
import { attestationsOf, ATTESTATION_HEADER } from "../participant/participant-attestation.js";
import type { ParticipantAttestationSigner } from "../participant/participant-attestation.js";
import type { CalendarEntries } from "./calendar-entries.js";
import type { CalendarFeedService } from "./calendar-feed.service.js";
import { CALENDAR_FEED_ACTOR, NODE_CALENDAR_ROUTES } from "./calendar-paths.js";

export interface CalendarRouteServices {
  calendarFeeds: CalendarFeedService;
  calendarEntries: CalendarEntries;
  participantAttestations: ParticipantAttestationSigner;
  registry: ConsortiumRegistry;
}

/** What the home node answers for a valid feed token. */
export interface PersonalCalendarPart {
  subject: string;
  /** For the other nodes: the home node's word that the gateway may read the subject's calendar (valid two minutes). */
  attestation: string;
  /** Other nodes that may hold part of the calendar. */
  nodes: string[];
  entries: CalendarEntry[];
}

export function mountCalendarRoutes(app: Express, guard: RequestHandler, services: CalendarRouteServices, logger: Logger): void {
  const gatewayOnly = [guard, requireSystemCaller];
  app.post(
    NODE_CALENDAR_ROUTES.personal,
    ...gatewayOnly,
    express.json({ limit: "1kb" }),
    answer(logger, async (req) => {
      const token = (req.body as { token?: unknown } | undefined)?.token;
      const subject = typeof token === "string" ? await services.calendarFeeds.subjectOf(token) : null;
      if (!subject) return { status: 404, body: { error: "no such calendar feed" } };
      const part: PersonalCalendarPart = {
        subject,
        attestation: await services.participantAttestations.sign(subject, CALENDAR_FEED_ACTOR),
        nodes: await services.calendarEntries.otherNodesOf(subject),
        entries: await services.calendarEntries.forParticipant(subject),
      };
      return { status: 200, body: part };
    }),
  );
  app.get(
    NODE_CALENDAR_ROUTES.participant,
    ...gatewayOnly,
    answer(logger, async (req) => {
      const participantId = String(req.params.participantId);
      if (!(await attestedByHome(req, participantId, services.registry))) return { status: 403, body: { error: "the participant's home node did not attest this calendar request" } };
      return { status: 200, body: { entries: await services.calendarEntries.forParticipant(participantId) } };
    }),
  );
  app.get(
    NODE_CALENDAR_ROUTES.public,
    ...gatewayOnly,
    answer(logger, async () => ({ status: 200, body: { entries: await services.calendarEntries.publicEvents() } })),
  );
}

async function attestedByHome(req: Request, participantId: string, registry: ConsortiumRegistry): Promise<boolean> {
  for (const attestation of attestationsOf(req.headers[ATTESTATION_HEADER])) {
    const valid = await verifyParticipantActorProof(attestation, registry, { participantId, actor: CALENDAR_FEED_ACTOR }).then(
      () => true,
      () => false,
    );
    if (valid) return true;
  }
  return false;
}

const requireSystemCaller: RequestHandler = (_req, res, next) => {
  if (callerOf(res).kind === "system") return next();
  res.status(403).json({ error: "calendar parts are served to the gateway's own identity only" });
};

function answer(logger: Logger, handle: (req: Request) => Promise<{ status: number; body: unknown }>): RequestHandler {
  return (req: Request, res: Response) => {
    handle(req).then(
      ({ status, body }) => res.status(status).json(body),
      (error: unknown) => {
        logger.error({ err: error }, "calendar part failed");
        res.status(503).json({ error: "the calendar cannot be read now: try again" });
      },
    );
  };
}
