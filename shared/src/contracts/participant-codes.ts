/**
 * Codes a node and the coordination office must agree on: they travel in
 * matching profiles, enrolments and programmes' tracks.
 */

/** What a participant does in the programmes. */
export const ParticipantRoles = { MENTEE: "MENTEE", MENTOR: "MENTOR", ALUMNUS: "ALUMNUS" } as const;
export type ParticipantRole = keyof typeof ParticipantRoles;

/** How a participant prefers to meet their tandem partner. */
export const MeetingFormats = { ONLINE: "ONLINE", IN_PERSON: "IN_PERSON", HYBRID: "HYBRID" } as const;
export type MeetingFormat = keyof typeof MeetingFormats;

/** A programme's track, as programmes declare it and participants and events name it: lowercase, e.g. health. */
export const TRACK_CODE = /^[a-z][a-z0-9-]{1,31}$/;
/** Goal and discipline codes of matching profiles: lowercase, e.g. career-industry, medical-informatics. */
export const MATCHING_CODE = /^[a-z][a-z0-9-]{1,31}$/;
/** A language of a matching profile: ISO 639-1. */
export const LANGUAGE_CODE = /^[a-z]{2}$/;
/** A coded region of a matching profile: ISO 3166-1 alpha-2 country, optionally with a subdivision: DE-RP, LU, FR-GE, CZ-PL. */
export const REGION_CODE = /^[A-Z]{2}(-[A-Z]{2,3})?$/;
