/** The cohorts I am enrolled in through an application at my home node (where my package and peer groups are). */
import { useQuery } from "urql";

const ENROLMENTS = `query ConsoleMyEnrolments($me: ID!) { myApplications(participantId: $me) { id status cohortId cohort { id name programme { name } } } }`;

export interface MyCohort {
  applicationId: string;
  cohortId: string;
  label: string;
}

interface EnrolmentsData {
  myApplications: { id: string; status: string; cohortId: string; cohort: { id: string; name: string; programme: { name: string } } | null }[] | null;
}

export function useMyCohorts(me: string) {
  const [{ data, error }] = useQuery<EnrolmentsData>({ query: ENROLMENTS, variables: { me } });
  const cohorts: MyCohort[] = (data?.myApplications ?? [])
    .filter((application) => application.status === "ENROLLED")
    .map((application) => ({
      applicationId: application.id,
      cohortId: application.cohortId,
      label: application.cohort ? `${application.cohort.programme.name} ${application.cohort.name}` : application.cohortId,
    }));
  return { cohorts, error };
}
