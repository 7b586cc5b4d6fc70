/** Every migration of the university node, in order. Never edit one that has landed. */
import { AddAuditLog1795307031267, AddFacts1796535984147, AddGatewayTokenUses1796529866348, AddIdempotencyKeys1796530399661, AddOutbox1795309744969 } from "@tandem/party";
import { Initial1795304786513 } from "./1795304786513-initial.js";
import { AddParticipantContact1795307014827 } from "./1795307014827-add-participant-contact.js";
import { AddDisclosureGrants1795307022450 } from "./1795307022450-add-disclosure-grants.js";
import { AddMatchingProfile1795311534794 } from "./1795311534794-add-matching-profile.js";
import { EmailNotUnique1796531000000 } from "./1796531000000-email-not-unique.js";
import { AddDisclosureEnds1796536600000 } from "./1796536600000-add-disclosure-ends.js";
import { AddApplications1796552765200 } from "./1796552765200-add-applications.js";
import { AddAgreements1796560000000 } from "./1796560000000-add-agreements.js";
import { AddTandemMeetings1796563866828 } from "./1796563866828-add-tandem-meetings.js";
import { AddCheckIns1796564758075 } from "./1796564758075-add-check-ins.js";
import { AddEvaluations1796565325254 } from "./1796565325254-add-evaluations.js";
import { AddConcerns1796574080840 } from "./1796574080840-add-concerns.js";
import { AgreementGoalCounts1796575180019 } from "./1796575180019-agreement-goal-counts.js";
import { AddProgrammeEvents1796575369627 } from "./1796575369627-add-programme-events.js";
import { InterestSurveys1796575569711 } from "./1796575569711-interest-surveys.js";
import { ChosenTrainingEvents1796584291598 } from "./1796584291598-chosen-training-events.js";
import { EventTextsInLanguages1796584634246 } from "./1796584634246-event-texts-in-languages.js";
import { PeerGroupRosters1796584685751 } from "./1796584685751-peer-group-rosters.js";
import { CompletionFacts1796594303099 } from "./1796594303099-completion-facts.js";
import { AddIssuedCredentials1796600000000 } from "./1796600000000-add-issued-credentials.js";
import { AddCalendarFeeds1796575350333 } from "./1796575350333-add-calendar-feeds.js";

export const migrations = [
  Initial1795304786513,
  AddParticipantContact1795307014827,
  AddDisclosureGrants1795307022450,
  AddAuditLog1795307031267,
  AddOutbox1795309744969,
  AddMatchingProfile1795311534794,
  AddGatewayTokenUses1796529866348,
  AddIdempotencyKeys1796530399661,
  EmailNotUnique1796531000000,
  AddFacts1796535984147,
  AddDisclosureEnds1796536600000,
  AddApplications1796552765200,
  AddAgreements1796560000000,
  AddTandemMeetings1796563866828,
  AddCheckIns1796564758075,
  AddEvaluations1796565325254,
  AddConcerns1796574080840,
  AgreementGoalCounts1796575180019,
  AddCalendarFeeds1796575350333,
  AddProgrammeEvents1796575369627,
  InterestSurveys1796575569711,
  ChosenTrainingEvents1796584291598,
  EventTextsInLanguages1796584634246,
  PeerGroupRosters1796584685751,
  CompletionFacts1796594303099,
  AddIssuedCredentials1796600000000,
];
