/**
 * Calendar feeds for calendar apps (RFC 5545), served by the gateway with
 * no sign-in: plain GETs answering `text/calendar; charset=utf-8`.
 *  - `/calendar/<token>.ics`: a participant's secret feed. The token names
 *    the home node, which alone knows whose feed it is; it names the other
 *    nodes holding part of it and signs a two-minute attestation they answer
 *    on. Nothing of it passes the coordination office.
 *  - `/calendar/nodes/<node>.ics`: a node's consortium-visible events.
 *  - `/calendar/consortium.ics`: every node's consortium-visible events.
 * A feed is served whole or not at all (503, Retry-After): a calendar app
 * keeps its copy rather than dropping the events of a node that is down.
 */
import type { Express, Request, Response } from "express";
import { CALENDAR_CONTENT_TYPE, renderCalendar, type CalendarEntry, type ConsortiumRegistry, type Logger } from "@tandem/shared";
import { CalendarPartUnavailable, type CalendarParts } from "./calendar-parts.js";

const FEED_FILE = /^([A-Za-z0-9_.-]{1,200})\.ics$/;
const TOKEN = /^([a-z][a-z0-9]{1,15})\.[A-Za-z0-9_-]{43}$/;
const RETRY_AFTER_SECONDS = 60;

export function mountCalendarRoutes(app: Express, parts: CalendarParts, registry: ConsortiumRegistry, logger: Logger): void {
  app.get("/calendar/consortium.ics", (_req, res) =>
    serve(res, logger, "public", async () => {
      const entries = (await Promise.all(parts.nodeIds.map((node) => parts.publicOf(node)))).flat();
      return renderCalendar({ name: `${registry.consortium.name}: events`, entries });
    }),
  );
  app.get("/calendar/nodes/:file", (req: Request, res: Response) => {
    const node = FEED_FILE.exec(String(req.params.file))?.[1];
    const entry = registry.nodes.find((candidate) => candidate.id === node);
    if (!entry || !parts.has(entry.id)) return notFound(res);
    return serve(res, logger, "public", async () => renderCalendar({ name: `${entry.name}: events`, entries: await parts.publicOf(entry.id) }));
  });
  app.get("/calendar/:file", (req: Request, res: Response) => {
    const token = FEED_FILE.exec(String(req.params.file))?.[1] ?? "";
    const home = TOKEN.exec(token)?.[1];
    if (!home || !parts.has(home)) return notFound(res);
    return serve(res, logger, "private", async () => {
      const part = await parts.personal(home, token);
      if (!part) return null;
      const others = await Promise.all(part.nodes.filter((node) => parts.has(node)).map((node) => parts.forParticipant(node, part.subject, part.attestation)));
      return renderCalendar({ name: "Tandem: my calendar", entries: dedupe([...part.entries, ...others.flat()]) });
    });
  });
}

/** One entry per UID (a node answers once for a registration, but never twice in a feed). */
function dedupe(entries: CalendarEntry[]): CalendarEntry[] {
  return [...new Map(entries.map((entry) => [entry.uid, entry])).values()];
}

function serve(res: Response, logger: Logger, audience: "public" | "private", render: () => Promise<string | null>): void {
  render().then(
    (text) => {
      if (text === null) return notFound(res);
      res.status(200);
      res.setHeader("content-type", CALENDAR_CONTENT_TYPE);
      res.setHeader("cache-control", audience === "public" ? "public, max-age=300" : "private, no-store");
      if (audience === "private") res.setHeader("referrer-policy", "no-referrer");
      res.send(text);
    },
    (error: unknown) => {
      if (!(error instanceof CalendarPartUnavailable)) logger.error({ err: error }, "calendar feed failed");
      else logger.warn({ node: error.node, reason: error.message }, "calendar feed unavailable");
      res.status(503).setHeader("retry-after", String(RETRY_AFTER_SECONDS)).type("text/plain").send("This calendar cannot be assembled now; try again later.\n");
    },
  );
}

function notFound(res: Response): void {
  res.status(404).type("text/plain").send("No such calendar.\n");
}
