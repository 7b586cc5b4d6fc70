/** Every migration of the coordination service, in order. Never edit one that has landed. */
import { AddFacts1796535984147, AddGatewayTokenUses1796529866348, AddIdempotencyKeys1796530399661, AddOutbox1795309956291, AuditLog1795306993310 } from "@tandem/party";
import { Initial1795304478454 } from "./1795304478454-initial.js";
import { TandemAcceptance1795306999376 } from "./1795306999376-tandem-acceptance.js";
import { MatchingRounds1795314248792 } from "./1795314248792-matching-rounds.js";
import { ApplicationJourney1796552915371 } from "./1796552915371-application-journey.js";
import { TandemAgreements1796560000000 } from "./1796560000000-tandem-agreements.js";
import { AddMeetingTallies1796563856971 } from "./1796563856971-add-meeting-tallies.js";
import { AddCheckIns1796564740386 } from "./1796564740386-add-check-ins.js";
import { MediationCases1796565096388 } from "./1796565096388-mediation-cases.js";
import { AddEvaluations1796565309654 } from "./1796565309654-add-evaluations.js";
import { StructuredCloseReason1796565600000 } from "./1796565600000-structured-close-reason.js";
import { AddTandemActivationFacts1796567937021 } from "./1796567937021-add-tandem-activation-facts.js";
import { MediationCaseFromCheckIn1796570000000 } from "./1796570000000-mediation-case-from-check-in.js";
import { AddMediationCaseStatements1796573941208 } from "./1796573941208-add-mediation-case-statements.js";
import { InterestSurveys1796575295207 } from "./1796575295207-interest-surveys.js";
import { TandemStartedOn1796584012795 } from "./1796584012795-tandem-started-on.js";
import { SurveyTrainings1796584220922 } from "./1796584220922-survey-trainings.js";
import { PeerGroups1796584298165 } from "./1796584298165-peer-groups.js";
import { TextsInLanguages1796584350904 } from "./1796584350904-texts-in-languages.js";
import { CompletionRules1796594743060 } from "./1796594743060-completion-rules.js";
import { MeetingMonths1796607116345 } from "./1796607116345-meeting-months.js";

export const migrations = [
  Initial1795304478454,
  AuditLog1795306993310,
  TandemAcceptance1795306999376,
  AddOutbox1795309956291,
  MatchingRounds1795314248792,
  AddGatewayTokenUses1796529866348,
  AddIdempotencyKeys1796530399661,
  AddFacts1796535984147,
  ApplicationJourney1796552915371,
  TandemAgreements1796560000000,
  AddMeetingTallies1796563856971,
  AddCheckIns1796564740386,
  MediationCases1796565096388,
  AddEvaluations1796565309654,
  StructuredCloseReason1796565600000,
  AddTandemActivationFacts1796567937021,
  MediationCaseFromCheckIn1796570000000,
  AddMediationCaseStatements1796573941208,
  InterestSurveys1796575295207,
  TandemStartedOn1796584012795,
  SurveyTrainings1796584220922,
  PeerGroups1796584298165,
  TextsInLanguages1796584350904,
  CompletionRules1796594743060,
  MeetingMonths1796607116345,
];
