import type { DataSource } from "typeorm";
import type { NodeDirectory } from "./node-directory.js";
import { EventService } from "./modules/event/event.service.js";
import { ParticipantService } from "./modules/participant/participant.service.js";
import { RegistrationService } from "./modules/registration/registration.service.js";

/** The node's service singletons, wired once at start. */
export interface NodeServices {
  directory: NodeDirectory;
  participants: ParticipantService;
  events: EventService;
  registrations: RegistrationService;
}

export function createNodeServices(dataSource: DataSource, directory: NodeDirectory): NodeServices {
  const registrations = new RegistrationService(dataSource, directory);
  return {
    directory,
    participants: new ParticipantService(dataSource, directory),
    events: new EventService(dataSource, directory, registrations),
    registrations,
  };
}
