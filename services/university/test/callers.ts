/** Callers of every kind, around node hst, for tests of rules and policies (no node needed). */
import { Role, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";

export const HST_PERSON = "hst:participant:00000000-0000-4000-8000-000000000001";
export const HST_OTHER = "hst:participant:00000000-0000-4000-8000-000000000002";
export const ZCU_PERSON = "zcu:participant:00000000-0000-4000-8000-000000000003";

export const callers: Record<string, Caller> = {
  hstPerson: as.participant(HST_PERSON),
  hstOther: as.participant(HST_OTHER, Role.MENTOR),
  zcuPerson: as.participant(ZCU_PERSON),
  hstCoordinator: as.nodeCoordinator("hst"),
  zcuCoordinator: as.nodeCoordinator("zcu"),
  joint: as.jointCoordinator(),
  system: as.system(),
};
