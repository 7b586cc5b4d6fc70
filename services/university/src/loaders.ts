import type { Caller } from "@tandem/shared";
import type { NodeServices } from "./services.js";
import { createApplicationLoader, createCohortStateLoader, createMatchingConsentLoader } from "./modules/application/application.loader.js";
import { createGrantsToCallerLoader } from "./modules/disclosure/disclosure.loader.js";
import { createEventLoader, createEventStatsLoader } from "./modules/event/event.loader.js";
import { createMeetingLoader } from "./modules/meeting/meeting.loader.js";
import { createParticipantColumnsLoaders, createParticipantLoader } from "./modules/participant/participant.loader.js";
import { createRegistrationLoader, createRegistrationsByEventLoader, createWaitlistPositionLoader } from "./modules/registration/registration.loader.js";

export function createLoaders(services: NodeServices, caller: Caller) {
  return {
    participant: createParticipantLoader(services.participants),
    participantColumns: createParticipantColumnsLoaders(services.participants),
    grantsToCaller: createGrantsToCallerLoader(services.disclosures, caller),
    event: createEventLoader(services.events),
    eventStats: createEventStatsLoader(services.events),
    registration: createRegistrationLoader(services.registrations),
    registrationsByEvent: createRegistrationsByEventLoader(services.registrations),
    waitlistPosition: createWaitlistPositionLoader(services.registrations),
    application: createApplicationLoader(services.applications),
    cohortState: createCohortStateLoader(services.programmes),
    matchingConsent: createMatchingConsentLoader(services.matchingConsents),
    meeting: createMeetingLoader(services.meetings),
  };
}

export type NodeLoaders = ReturnType<typeof createLoaders>;
