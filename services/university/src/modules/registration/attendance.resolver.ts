import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { AttendanceStatus } from "@tandem/shared";
import { rules } from "../access/access.rules.js";
import type { NodeContext } from "../../context.js";
import { AttendanceStatusEnum, Registration } from "./registration.type.js";

@Resolver()
export class AttendanceResolver {
  @Mutation(() => Registration, {
    nullable: true,
    description: "Records a registrant's attendance once the event started (this host node's coordinators); their home node learns it as a signed fact.",
  })
  async recordAttendance(
    @Arg("registrationId", () => ID) registrationId: string,
    @Arg("attendance", () => AttendanceStatusEnum) attendance: AttendanceStatus,
    @Ctx() ctx: NodeContext,
  ): Promise<Registration> {
    return Registration.fromEntity(await ctx.services.attendance.record(registrationId, attendance), ctx.self);
  }

  @Mutation(() => Registration, { nullable: true, description: "The registrant records their own attendance with the code shown at the event, while it runs (from 30 minutes before)." })
  async checkInToEvent(@Arg("registrationId", () => ID) registrationId: string, @Arg("code", () => String) code: string, @Ctx() ctx: NodeContext): Promise<Registration> {
    const registration = await ctx.services.attendance.registration(registrationId);
    ctx.access.require(rules.checkIn, registration.participantId);
    return Registration.fromEntity(await ctx.services.attendance.checkIn(registrationId, code), ctx.self);
  }

  @Mutation(() => String, {
    nullable: true,
    description: "The event's check-in code, to show at the event (this host node's coordinators); `rotate` issues a new one and the old one stops working.",
  })
  async issueCheckInCode(@Arg("eventId", () => ID) eventId: string, @Arg("rotate", () => Boolean, { defaultValue: false }) rotate: boolean, @Ctx() ctx: NodeContext): Promise<string> {
    return ctx.services.attendance.checkInCode(eventId, rotate);
  }
}
