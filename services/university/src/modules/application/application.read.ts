/**
 * Reading applications: rule application.read decides who sees one (the
 * applicant; coordinators of their node once submitted; joint coordinators
 * what its applicant shared with them), and every application read is
 * written to the audit log — it holds what the applicant wrote.
 */
import type { NodeContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import type { ApplicationEntity } from "./application.entity.js";
import { Application } from "./application.type.js";

/** The application, or null for a caller rule application.read refuses. */
export function readableApplication(ctx: NodeContext, entity: ApplicationEntity): Application | null {
  if (!ctx.access.allows(rules.readApplication, ctx.services.applicationReviews.accessView(entity))) return null;
  return readApplication(ctx, entity);
}

/** An application the caller may read (found by a rule or a list scoped by it), audited. */
export function readApplication(ctx: NodeContext, entity: ApplicationEntity): Application {
  const application = Application.fromEntity(entity, ctx.self);
  ctx.audit.processed("read-application", { participantId: application.participantId, targetId: application.id });
  return application;
}
