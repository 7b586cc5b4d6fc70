/**
 * Applications at the applicant's home node (DESIGN.md §8): the person's
 * own (save, submit, withdraw, consent to the joint office's review), the
 * reviewers' list and decisions. Who reads what is rule application.read
 * (access.table.ts); every application read is written to the audit log.
 */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import type { ReviewDecision } from "@tandem/shared";
import { connectionTypes, mapConnection } from "@tandem/party";
import type { NodeContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { Participant, PARTICIPANT_KIND } from "../participant/participant.type.js";
import { ReviewApplicationsArgs } from "./application.args.js";
import { ApplicationInput } from "./application.input.js";
import { Application, APPLICATION_KIND, ReviewDecisionEnum } from "./application.type.js";
import { readableApplication, readApplication } from "./application.read.js";

export const { Connection: ApplicationConnection } = connectionTypes("Application", Application);
type ApplicationConnection = InstanceType<typeof ApplicationConnection>;

const PERSON = "The person only; routed to their home node.";

@Resolver(() => Application)
export class ApplicationResolver {
  @Query(() => Application, {
    nullable: true,
    description:
      "An application by global id, routed to the applicant's home node: for the applicant, their node's coordinators once submitted, and joint coordinators when the applicant shared it with them; null for anyone else.",
  })
  async application(@Arg("id", () => ID) id: string, @Ctx() ctx: NodeContext): Promise<Application | null> {
    const entity = await ctx.loaders.application.load(ctx.services.directory.parseLocal(id, APPLICATION_KIND, "id"));
    return entity ? readableApplication(ctx, entity) : null;
  }

  @Query(() => [Application], { nullable: true, description: `A person's applications, oldest first. ${PERSON}` })
  async myApplications(@Arg("participantId", () => ID) participantId: string, @Ctx() ctx: NodeContext): Promise<Application[]> {
    const localId = ctx.services.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    return (await ctx.services.applications.ownedBy(localId)).map((entity) => readApplication(ctx, entity));
  }

  @Query(() => ApplicationConnection, {
    nullable: true,
    description:
      "Submitted applications of `node`'s people in submission order, for review: every one for that node's coordinators, those their applicants shared with the joint office for joint coordinators.",
  })
  async reviewApplications(@Args(() => ReviewApplicationsArgs) args: ReviewApplicationsArgs, @Ctx() ctx: NodeContext): Promise<ApplicationConnection> {
    const page = await ctx.services.applications.listForReview(args, ctx.access.scope(rules.readApplication));
    return mapConnection(page, (entity) => readApplication(ctx, entity));
  }

  @Mutation(() => Application, {
    nullable: true,
    description: `Saves the form as a draft, or changes a draft or submitted application, while the cohort takes applications (else COHORT_STATE). One application per person and cohort: saving again changes it. ${PERSON}`,
  })
  async saveApplication(
    @Arg("participantId", () => ID) participantId: string,
    @Arg("cohortId", () => ID) cohortId: string,
    @Arg("input", () => ApplicationInput) input: ApplicationInput,
    @Ctx() ctx: NodeContext,
  ): Promise<Application> {
    return Application.fromEntity(await ctx.services.applications.save(participantId, cohortId, input), ctx.self);
  }

  @Mutation(() => Application, {
    nullable: true,
    description: `Submits the saved draft (saving \`input\` first, when given). NOT_ELIGIBLE names the rule that refuses; COHORT_STATE outside the window. \`shareWithJointOffice\`: consent to show this application, and only it, to the joint office's reviewers (programmes the joint office reviews). Submitted before: returned as it is. ${PERSON}`,
  })
  async submitApplication(
    @Arg("participantId", () => ID) participantId: string,
    @Arg("cohortId", () => ID) cohortId: string,
    @Arg("input", () => ApplicationInput, { nullable: true }) input: ApplicationInput | null,
    @Arg("shareWithJointOffice", () => Boolean, { defaultValue: false }) shareWithJointOffice: boolean,
    @Ctx() ctx: NodeContext,
  ): Promise<Application> {
    const application = Application.fromEntity(await ctx.services.applications.submit(participantId, cohortId, input ?? null, shareWithJointOffice), ctx.self);
    if (application.sharedWithJointOffice) ctx.audit.changed("consent:joint-office-review", "ok", { participantId, targetId: application.id });
    return application;
  }

  @Mutation(() => Application, { nullable: true, description: `Withdraws the application, at any time. ${PERSON}` })
  async withdrawApplication(@Arg("participantId", () => ID) participantId: string, @Arg("cohortId", () => ID) cohortId: string, @Ctx() ctx: NodeContext): Promise<Application> {
    return Application.fromEntity(await ctx.services.applications.withdraw(participantId, cohortId), ctx.self);
  }

  @Mutation(() => Application, { nullable: true, description: `Takes back the consent to show the application to the joint office's reviewers, until a decision is made. ${PERSON}` })
  async withdrawJointOfficeConsent(@Arg("participantId", () => ID) participantId: string, @Arg("cohortId", () => ID) cohortId: string, @Ctx() ctx: NodeContext): Promise<Application> {
    const entity = await ctx.services.applications.withdrawJointOfficeConsent(participantId, cohortId);
    const application = Application.fromEntity(entity, ctx.self);
    if (entity.jointOfficeConsentWithdrawnAt) ctx.audit.changed("consent-withdrawn:joint-office-review", "ok", { participantId, targetId: application.id });
    return application;
  }

  @Mutation(() => Application, {
    nullable: true,
    description:
      "Decides on a submitted application: ACCEPT (the coordination office then enrols or waitlists within the quota), WAITLIST or REJECT with a `reason` the applicant sees (required but for ACCEPT; it stays at the home node). For coordinators of the applicant's node or, for an application shared with the joint office of a programme it reviews, joint coordinators. Routed to the applicant's home node.",
  })
  async reviewApplication(
    @Arg("id", () => ID) id: string,
    @Arg("decision", () => ReviewDecisionEnum) decision: ReviewDecision,
    @Arg("reason", () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: NodeContext,
  ): Promise<Application> {
    return Application.fromEntity(await ctx.services.applicationReviews.review(id, decision, reason ?? null, ctx.access.guard(rules.reviewApplication)), ctx.self);
  }

  @FieldResolver(() => Participant, { nullable: true, description: "The applicant, with the fields their home node discloses to you." })
  async participant(@Root() application: Application, @Ctx() ctx: NodeContext): Promise<Participant | null> {
    const entity = await ctx.loaders.participant.load(application.participantLocalId);
    return entity ? Participant.fromEntity(entity, ctx.self) : null;
  }

  @FieldResolver(() => Boolean, { description: "Enrolled and not yet consented to joint matching for the cohort: the applicant is invited to (consentToMatching)." })
  async matchingConsentNeeded(@Root() application: Application, @Ctx() ctx: NodeContext): Promise<boolean> {
    if (application.status !== "ENROLLED") return false;
    return !(await ctx.loaders.matchingConsent.load({ participantId: application.participantLocalId, cohortId: application.cohortId }));
  }

  @FieldResolver(() => DateTimeISOResolver, {
    nullable: true,
    description: "When the cohort's application window closes, as the coordination office last said: until then a draft or submitted application may change.",
  })
  async applicationsCloseAt(@Root() application: Application, @Ctx() ctx: NodeContext): Promise<Date | null> {
    return (await ctx.loaders.cohortState.load(application.cohortId))?.applicationsCloseAt ?? null;
  }
}
