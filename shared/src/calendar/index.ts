export * from "./calendar-entry.js";
export * from "./render-calendar.js";
