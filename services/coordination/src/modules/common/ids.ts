/** Longest global id accepted in input (`<node>:<kind>:<uuid>` is far shorter); reference columns are varchar(120). */
export const MAX_ID_LENGTH = 120;
