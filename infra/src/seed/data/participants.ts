/**
 * Demo participants, invented people with example.* addresses. Shapes follow
 * the source programmes: doctoral candidates of HS Trier and its Greater
 * Region partners mentored by industry leaders with a doctorate; international
 * students from their third bachelor or second master semester; master
 * students at OTH Amberg-Weiden paired with researchers of ZČU in Plzeň.
 * Mentees and mentors carry a matching profile (coded fields, plus employer
 * and supervisor, which leave their node only as conflict tokens). Niklas
 * Brandt works part-time for LuxMed Analytics, whose founder Yves Schmit
 * mentors at another node: joint matching must not pair them.
 */
import type { ParticipantSeed } from "../types.js";

const IMP = ["health", "sustainability", "digitalisation"];

export const participantSeeds: ParticipantSeed[] = [
  // Hochschule Trier
  { node: "hst", role: "MENTEE", displayName: "Lena Hoffmann", email: "lena.hoffmann@hs-trier.example", degreeLevel: "DOCTORAL", semester: 5, discipline: "Medical Informatics", languages: ["de", "en"], tracks: ["health"],
    disciplineCode: "medical-informatics", goalCodes: ["career-industry", "networking"], meetingFormat: "HYBRID", region: "DE-RP", availabilityHoursPerMonth: 6, experienceYears: 2, supervisor: "Prof. Dr. Andrea Lenz" },
  { node: "hst", role: "MENTEE", displayName: "Jonas Weber", email: "jonas.weber@hs-trier.example", degreeLevel: "DOCTORAL", semester: 3, discipline: "Environmental Engineering", languages: ["de", "en", "fr"], tracks: ["sustainability"],
    disciplineCode: "environmental-engineering", goalCodes: ["career-industry", "international-career"], meetingFormat: "IN_PERSON", region: "DE-RP", availabilityHoursPerMonth: 5, experienceYears: 1 },
  { node: "hst", role: "MENTEE", displayName: "Miriam Schäfer", email: "miriam.schaefer@hs-trier.example", degreeLevel: "DOCTORAL", semester: 7, discipline: "Computer Science (machine learning)", languages: ["de", "en"], tracks: ["digitalisation"],
    disciplineCode: "computer-science", goalCodes: ["career-industry", "founding"], meetingFormat: "ONLINE", region: "DE-RP", availabilityHoursPerMonth: 4, experienceYears: 3 },
  { node: "hst", role: "MENTEE", displayName: "Aylin Demir", email: "aylin.demir@hs-trier.example", degreeLevel: "BACHELOR", semester: 4, discipline: "Business Informatics", languages: ["tr", "de", "en"], tracks: ["digitalisation"],
    disciplineCode: "business-informatics", goalCodes: ["international-career", "career-industry"], meetingFormat: "HYBRID", region: "DE-RP", availabilityHoursPerMonth: 6, experienceYears: 0 },
  { node: "hst", role: "MENTEE", displayName: "Kwame Mensah", email: "kwame.mensah@hs-trier.example", degreeLevel: "MASTER", semester: 2, discipline: "Sustainable Business and Technology", languages: ["en", "de"], tracks: ["sustainability"],
    disciplineCode: "sustainable-business", goalCodes: ["founding", "networking"], meetingFormat: "IN_PERSON", region: "DE-RP", availabilityHoursPerMonth: 8, experienceYears: 2 },
  { node: "hst", role: "MENTEE", displayName: "Niklas Brandt", email: "niklas.brandt@hs-trier.example", degreeLevel: "DOCTORAL", semester: 4, discipline: "Medical Informatics", languages: ["de", "en"], tracks: ["health"],
    disciplineCode: "medical-informatics", goalCodes: ["career-industry", "founding"], meetingFormat: "HYBRID", region: "DE-RP", availabilityHoursPerMonth: 4, experienceYears: 3, employer: "LuxMed Analytics SA", supervisor: "Prof. Dr. Andrea Lenz" },
  { node: "hst", role: "MENTOR", displayName: "Dr. Katrin Becker", email: "katrin.becker@moselklinik-digital.example", degreeLevel: "PROFESSIONAL", discipline: "Biostatistics", organisation: "Moselklinik Digital GmbH", languages: ["de", "en"], tracks: ["health"], publicProfile: true,
    disciplineCode: "biostatistics", goalCodes: ["career-industry", "leadership", "networking"], meetingFormat: "HYBRID", region: "DE-RP", availabilityHoursPerMonth: 4, mentorCapacity: 2, experienceYears: 14 },
  { node: "hst", role: "MENTOR", displayName: "Dr. Markus Schneider", email: "markus.schneider@hunsrueck-werkstoffe.example", degreeLevel: "PROFESSIONAL", discipline: "Materials Science", organisation: "Hunsrück Werkstoffe AG", languages: ["de", "en", "fr"], tracks: ["sustainability"], publicProfile: true,
    disciplineCode: "materials-science", goalCodes: ["career-industry", "leadership"], meetingFormat: "IN_PERSON", region: "DE-RP", availabilityHoursPerMonth: 3, mentorCapacity: 1, experienceYears: 18 },
  { node: "hst", role: "MENTOR", displayName: "Dr. Thomas Endres", email: "thomas.endres@trierer-datenwerk.example", degreeLevel: "PROFESSIONAL", discipline: "Computer Science (data platforms)", organisation: "Trierer Datenwerk GmbH", languages: ["de", "en", "fr"], tracks: ["digitalisation"], publicProfile: true,
    disciplineCode: "computer-science", goalCodes: ["career-industry", "founding", "international-career"], meetingFormat: "HYBRID", region: "DE-RP", availabilityHoursPerMonth: 5, mentorCapacity: 2, experienceYears: 16 },
  { node: "hst", role: "MENTOR", displayName: "Dr. Stefan Kohl", email: "stefan.kohl@moselwerk-automation.example", degreeLevel: "PROFESSIONAL", discipline: "Mechanical Engineering (automation)", organisation: "Moselwerk Automation GmbH", languages: ["de", "en"], tracks: ["engineering"], publicProfile: true,
    disciplineCode: "mechanical-engineering", goalCodes: ["career-industry", "leadership", "doctorate"], meetingFormat: "IN_PERSON", region: "DE-RP", availabilityHoursPerMonth: 4, mentorCapacity: 1, experienceYears: 12 },
  { node: "hst", role: "ALUMNUS", displayName: "Dr. Julia Krämer", email: "julia.kraemer@saar-software.example", degreeLevel: "PROFESSIONAL", discipline: "Computer Science", organisation: "Saar Software Systems GmbH", languages: ["de", "en"], tracks: ["digitalisation"], publicProfile: true,
    disciplineCode: "computer-science", goalCodes: ["networking", "career-industry"], meetingFormat: "ONLINE", region: "DE-SL", availabilityHoursPerMonth: 2, experienceYears: 9 },
  { node: "hst", role: "ALUMNUS", displayName: "Felix Wagner", email: "felix.wagner@alumni.hs-trier.example", degreeLevel: "PROFESSIONAL", discipline: "Mechanical Engineering", organisation: "Eifel Antriebstechnik GmbH", languages: ["de", "en"], tracks: IMP,
    disciplineCode: "mechanical-engineering", goalCodes: ["networking"], meetingFormat: "IN_PERSON", region: "DE-RP", availabilityHoursPerMonth: 2, experienceYears: 6 },

  // Université du Luxembourg
  { node: "unilu", role: "MENTEE", displayName: "Laura Kieffer", email: "laura.kieffer@uni-lu.example", degreeLevel: "DOCTORAL", semester: 4, discipline: "Systems Biology", languages: ["lb", "fr", "de", "en"], tracks: ["health"],
    disciplineCode: "systems-biology", goalCodes: ["career-industry", "international-career"], meetingFormat: "HYBRID", region: "LU", availabilityHoursPerMonth: 5, experienceYears: 2 },
  { node: "unilu", role: "MENTEE", displayName: "Pit Majerus", email: "pit.majerus@uni-lu.example", degreeLevel: "MASTER", semester: 2, discipline: "Information and Computer Sciences", languages: ["lb", "de", "fr", "en"], tracks: ["digitalisation"],
    disciplineCode: "computer-science", goalCodes: ["career-industry", "founding"], meetingFormat: "HYBRID", region: "LU", availabilityHoursPerMonth: 6, experienceYears: 1 },
  { node: "unilu", role: "MENTEE", displayName: "Inês Ferreira", email: "ines.ferreira@uni-lu.example", degreeLevel: "BACHELOR", semester: 3, discipline: "Economics and Management", languages: ["pt", "fr", "en"], tracks: ["sustainability"],
    disciplineCode: "economics", goalCodes: ["international-career", "networking"], meetingFormat: "ONLINE", region: "LU", availabilityHoursPerMonth: 4, experienceYears: 0 },
  { node: "unilu", role: "MENTOR", displayName: "Dr. Anne Thill", email: "anne.thill@banque-alzette.example", degreeLevel: "PROFESSIONAL", discipline: "Computer Science (privacy engineering)", organisation: "Banque Alzette S.A.", languages: ["lb", "fr", "de", "en"], tracks: ["digitalisation"], publicProfile: true,
    disciplineCode: "computer-science", goalCodes: ["career-industry", "leadership"], meetingFormat: "HYBRID", region: "LU", availabilityHoursPerMonth: 4, mentorCapacity: 2, experienceYears: 15 },
  { node: "unilu", role: "MENTOR", displayName: "Dr. Marc Reuter", email: "marc.reuter@minett-materials.example", degreeLevel: "PROFESSIONAL", discipline: "Chemistry", organisation: "Minett Materials S.à r.l.", languages: ["lb", "de", "fr", "en"], tracks: ["sustainability"], publicProfile: true,
    disciplineCode: "chemistry", goalCodes: ["career-industry", "international-career"], meetingFormat: "IN_PERSON", region: "LU", availabilityHoursPerMonth: 3, mentorCapacity: 1, experienceYears: 20 },
  { node: "unilu", role: "MENTOR", displayName: "Dr. Yves Schmit", email: "yves.schmit@luxmed-analytics.example", degreeLevel: "PROFESSIONAL", discipline: "Medical Informatics", organisation: "LuxMed Analytics S.A.", languages: ["lb", "fr", "de", "en"], tracks: ["health"], publicProfile: true,
    disciplineCode: "medical-informatics", goalCodes: ["career-industry", "founding", "leadership"], meetingFormat: "HYBRID", region: "LU", availabilityHoursPerMonth: 5, mentorCapacity: 2, experienceYears: 17 },
  { node: "unilu", role: "MENTOR", displayName: "Dr. Martine Kremer", email: "martine.kremer@ecotech-luxembourg.example", degreeLevel: "PROFESSIONAL", discipline: "Environmental Sciences", organisation: "Ecotech Luxembourg S.A.", languages: ["lb", "fr", "de", "en"], tracks: ["sustainability"], publicProfile: true,
    disciplineCode: "environmental-sciences", goalCodes: ["career-industry", "international-career", "networking"], meetingFormat: "HYBRID", region: "LU", availabilityHoursPerMonth: 4, mentorCapacity: 1, experienceYears: 13 },
  { node: "unilu", role: "ALUMNUS", displayName: "Dr. Carole Lentz", email: "carole.lentz@biolux-diagnostics.example", degreeLevel: "PROFESSIONAL", discipline: "Molecular Biology", organisation: "BioLux Diagnostics S.A.", languages: ["lb", "fr", "en"], tracks: ["health"],
    disciplineCode: "molecular-biology", goalCodes: ["networking"], meetingFormat: "ONLINE", region: "LU", availabilityHoursPerMonth: 2, experienceYears: 8 },

  // Université de Lorraine
  { node: "ul", role: "MENTEE", displayName: "Claire Dubois", email: "claire.dubois@univ-lorraine.example", degreeLevel: "DOCTORAL", semester: 6, discipline: "Process Engineering", languages: ["fr", "en", "de"], tracks: ["sustainability"],
    disciplineCode: "process-engineering", goalCodes: ["career-industry", "networking"], meetingFormat: "IN_PERSON", region: "FR-GES", availabilityHoursPerMonth: 5, experienceYears: 3, supervisor: "Prof. Bertrand Roussel" },
  { node: "ul", role: "MENTEE", displayName: "Théo Lambert", email: "theo.lambert@univ-lorraine.example", degreeLevel: "MASTER", semester: 2, discipline: "Materials Science", languages: ["fr", "en"], tracks: ["sustainability"],
    disciplineCode: "materials-science", goalCodes: ["career-industry", "doctorate"], meetingFormat: "IN_PERSON", region: "FR-GES", availabilityHoursPerMonth: 6, experienceYears: 0 },
  { node: "ul", role: "MENTEE", displayName: "Camille Girard", email: "camille.girard@univ-lorraine.example", degreeLevel: "BACHELOR", semester: 5, discipline: "Applied Mathematics", languages: ["fr", "en", "de"], tracks: ["digitalisation"],
    disciplineCode: "applied-mathematics", goalCodes: ["international-career", "doctorate"], meetingFormat: "ONLINE", region: "FR-GES", availabilityHoursPerMonth: 4, experienceYears: 0 },
  { node: "ul", role: "MENTEE", displayName: "Manon Lefèvre", email: "manon.lefevre@univ-lorraine.example", degreeLevel: "DOCTORAL", semester: 3, discipline: "Biomedical Engineering", languages: ["fr", "en"], tracks: ["health"],
    disciplineCode: "biomedical-engineering", goalCodes: ["career-industry", "founding"], meetingFormat: "HYBRID", region: "FR-GES", availabilityHoursPerMonth: 5, experienceYears: 1, supervisor: "Prof. Sylvie Caron" },
  { node: "ul", role: "MENTEE", displayName: "Hugo Moreau", email: "hugo.moreau@univ-lorraine.example", degreeLevel: "MASTER", semester: 2, discipline: "Mechanical Engineering", languages: ["fr", "en", "de"], tracks: ["engineering"],
    disciplineCode: "mechanical-engineering", goalCodes: ["career-industry", "international-career"], meetingFormat: "IN_PERSON", region: "FR-GES", availabilityHoursPerMonth: 6, experienceYears: 0 },
  { node: "ul", role: "MENTOR", displayName: "Dr. Élodie Fontaine", email: "elodie.fontaine@nancy-medtech.example", degreeLevel: "PROFESSIONAL", discipline: "Pharmacology", organisation: "Nancy MedTech SAS", languages: ["fr", "en"], tracks: ["health"], publicProfile: true,
    disciplineCode: "pharmacology", goalCodes: ["career-industry", "leadership"], meetingFormat: "HYBRID", region: "FR-GES", availabilityHoursPerMonth: 4, mentorCapacity: 1, experienceYears: 16 },
  { node: "ul", role: "MENTOR", displayName: "Dr. Nicolas Martin", email: "nicolas.martin@hydrogene-lorraine.example", degreeLevel: "PROFESSIONAL", discipline: "Chemical Engineering", organisation: "Hydrogène Lorraine SAS", languages: ["fr", "en", "de"], tracks: ["sustainability"], publicProfile: true,
    disciplineCode: "chemical-engineering", goalCodes: ["career-industry", "founding", "networking"], meetingFormat: "HYBRID", region: "FR-GES", availabilityHoursPerMonth: 6, mentorCapacity: 2, experienceYears: 19 },
  { node: "ul", role: "MENTOR", displayName: "Dr. Karim Benali", email: "karim.benali@lorraine-cloud.example", degreeLevel: "PROFESSIONAL", discipline: "Computer Science (cloud security)", organisation: "Lorraine Cloud Services SAS", languages: ["fr", "en"], tracks: ["digitalisation"], publicProfile: true,
    disciplineCode: "computer-science", goalCodes: ["career-industry", "international-career"], meetingFormat: "ONLINE", region: "FR-GES", availabilityHoursPerMonth: 3, mentorCapacity: 1, experienceYears: 11 },
  { node: "ul", role: "ALUMNUS", displayName: "Antoine Mercier", email: "antoine.mercier@metz-analytics.example", degreeLevel: "PROFESSIONAL", discipline: "Data Engineering", organisation: "Metz Analytics SARL", languages: ["fr", "en"], tracks: ["digitalisation"],
    disciplineCode: "data-engineering", goalCodes: ["networking", "founding"], meetingFormat: "ONLINE", region: "FR-GES", availabilityHoursPerMonth: 2, experienceYears: 7 },

  // University of West Bohemia (ZČU), Plzeň: the careerSTEPS mentors and a few students
  { node: "zcu", role: "MENTOR", displayName: "Dr. Jana Nováková", email: "jana.novakova@zcu.example", degreeLevel: "PROFESSIONAL", discipline: "Marketing and Trade", organisation: "ZČU, Faculty of Economics", languages: ["cs", "en", "de"], tracks: ["economics"],
    disciplineCode: "marketing", goalCodes: ["doctorate", "networking"], meetingFormat: "HYBRID", region: "CZ-PL", availabilityHoursPerMonth: 4, mentorCapacity: 1, experienceYears: 15 },
  { node: "zcu", role: "MENTOR", displayName: "Dr. Petr Svoboda", email: "petr.svoboda@zcu.example", degreeLevel: "PROFESSIONAL", discipline: "Power Electronics", organisation: "ZČU, Faculty of Electrical Engineering", languages: ["cs", "en", "de"], tracks: ["engineering"],
    disciplineCode: "electrical-engineering", goalCodes: ["doctorate", "career-industry"], meetingFormat: "HYBRID", region: "CZ-PL", availabilityHoursPerMonth: 4, mentorCapacity: 1, experienceYears: 14 },
  { node: "zcu", role: "MENTOR", displayName: "Dr. Tereza Dvořáková", email: "tereza.dvorakova@zcu.example", degreeLevel: "PROFESSIONAL", discipline: "Cybernetics (biomedical signals)", organisation: "ZČU, Faculty of Applied Sciences", languages: ["cs", "en"], tracks: ["engineering"],
    disciplineCode: "biomedical-engineering", goalCodes: ["doctorate", "international-career"], meetingFormat: "HYBRID", region: "CZ-PL", availabilityHoursPerMonth: 4, mentorCapacity: 1, experienceYears: 11 },
  { node: "zcu", role: "MENTOR", displayName: "Dr. Martin Černý", email: "martin.cerny@zcu.example", degreeLevel: "PROFESSIONAL", discipline: "Machine Design", organisation: "ZČU, Faculty of Mechanical Engineering", languages: ["cs", "de", "en"], tracks: ["engineering"],
    disciplineCode: "mechanical-engineering", goalCodes: ["doctorate", "career-industry"], meetingFormat: "IN_PERSON", region: "CZ-PL", availabilityHoursPerMonth: 3, mentorCapacity: 1, experienceYears: 18 },
  { node: "zcu", role: "MENTOR", displayName: "Dr. Lucie Procházková", email: "lucie.prochazkova@zcu.example", degreeLevel: "PROFESSIONAL", discipline: "Materials Engineering", organisation: "ZČU, New Technologies Research Centre", languages: ["cs", "en"], tracks: ["engineering"],
    disciplineCode: "materials-engineering", goalCodes: ["doctorate", "networking"], meetingFormat: "HYBRID", region: "CZ-PL", availabilityHoursPerMonth: 4, mentorCapacity: 1, experienceYears: 10 },
  { node: "zcu", role: "MENTOR", displayName: "Dr. Tomáš Kučera", email: "tomas.kucera@zcu.example", degreeLevel: "PROFESSIONAL", discipline: "Computer Science", organisation: "ZČU, Faculty of Applied Sciences", languages: ["cs", "en", "de"], tracks: ["engineering"],
    disciplineCode: "computer-science", goalCodes: ["doctorate", "founding"], meetingFormat: "ONLINE", region: "CZ-PL", availabilityHoursPerMonth: 5, mentorCapacity: 2, experienceYears: 12 },
  { node: "zcu", role: "MENTOR", displayName: "Dr. Kateřina Veselá", email: "katerina.vesela@zcu.example", degreeLevel: "PROFESSIONAL", discipline: "Business Administration", organisation: "ZČU, Faculty of Economics", languages: ["cs", "de", "en"], tracks: ["economics"],
    disciplineCode: "business-administration", goalCodes: ["doctorate", "leadership"], meetingFormat: "HYBRID", region: "CZ-PL", availabilityHoursPerMonth: 3, mentorCapacity: 1, experienceYears: 16 },
  { node: "zcu", role: "MENTOR", displayName: "Dr. Jakub Horák", email: "jakub.horak@zcu.example", degreeLevel: "PROFESSIONAL", discipline: "Electrical Power Engineering", organisation: "ZČU, Faculty of Electrical Engineering", languages: ["cs", "en"], tracks: ["engineering"],
    disciplineCode: "electrical-engineering", goalCodes: ["doctorate", "career-industry"], meetingFormat: "HYBRID", region: "CZ-PL", availabilityHoursPerMonth: 3, mentorCapacity: 1, experienceYears: 9 },
  { node: "zcu", role: "MENTOR", displayName: "Dr. Eva Marková", email: "eva.markova@zcu.example", degreeLevel: "PROFESSIONAL", discipline: "Regional Development", organisation: "ZČU, Faculty of Economics", languages: ["cs", "de"], tracks: ["economics"],
    disciplineCode: "regional-development", goalCodes: ["doctorate", "networking"], meetingFormat: "IN_PERSON", region: "CZ-PL", availabilityHoursPerMonth: 3, mentorCapacity: 1, experienceYears: 21 },
  { node: "zcu", role: "MENTOR", displayName: "Dr. Ondřej Pokorný", email: "ondrej.pokorny@zcu.example", degreeLevel: "PROFESSIONAL", discipline: "Industrial Engineering", organisation: "ZČU, Faculty of Mechanical Engineering", languages: ["cs", "en", "de"], tracks: ["economics"],
    disciplineCode: "industrial-engineering", goalCodes: ["doctorate", "career-industry"], meetingFormat: "HYBRID", region: "CZ-PL", availabilityHoursPerMonth: 3, mentorCapacity: 1, experienceYears: 13 },
  { node: "zcu", role: "MENTEE", displayName: "Adéla Křížová", email: "adela.krizova@zcu.example", degreeLevel: "DOCTORAL", semester: 2, discipline: "Cybernetics", languages: ["cs", "en", "de"], tracks: ["engineering"],
    disciplineCode: "cybernetics", goalCodes: ["career-industry", "international-career"], meetingFormat: "HYBRID", region: "CZ-PL", availabilityHoursPerMonth: 5, experienceYears: 1, supervisor: "doc. Ing. Pavel Beneš, Ph.D." },
  { node: "zcu", role: "MENTEE", displayName: "Vojtěch Malý", email: "vojtech.maly@zcu.example", degreeLevel: "MASTER", semester: 3, discipline: "Mechatronics", languages: ["cs", "en"], tracks: ["engineering"],
    disciplineCode: "mechatronics", goalCodes: ["doctorate", "career-industry"], meetingFormat: "ONLINE", region: "CZ-PL", availabilityHoursPerMonth: 6, experienceYears: 0 },
  { node: "zcu", role: "ALUMNUS", displayName: "Ing. Barbora Šimková", email: "barbora.simkova@plzen-transport.example", degreeLevel: "PROFESSIONAL", discipline: "Transport Engineering", organisation: "Plzeň Transport Systems a.s.", languages: ["cs", "de", "en"], tracks: ["engineering"],
    disciplineCode: "transport-engineering", goalCodes: ["networking"], meetingFormat: "HYBRID", region: "CZ-PL", availabilityHoursPerMonth: 2, experienceYears: 8 },

  // OTH Amberg-Weiden: the careerSTEPS mentees
  { node: "othaw", role: "MENTEE", displayName: "Maximilian Bauer", email: "m.bauer@oth-aw.example", degreeLevel: "MASTER", semester: 2, discipline: "Mechanical Engineering", languages: ["de", "en"], tracks: ["engineering"],
    disciplineCode: "mechanical-engineering", goalCodes: ["doctorate", "international-career"], meetingFormat: "HYBRID", region: "DE-BY", availabilityHoursPerMonth: 5, experienceYears: 1 },
  { node: "othaw", role: "MENTEE", displayName: "Sophia Lehner", email: "s.lehner@oth-aw.example", degreeLevel: "MASTER", semester: 1, discipline: "Medical Engineering", languages: ["de", "en", "cs"], tracks: ["engineering"],
    disciplineCode: "medical-engineering", goalCodes: ["doctorate", "networking"], meetingFormat: "HYBRID", region: "DE-BY", availabilityHoursPerMonth: 5, experienceYears: 0 },
  { node: "othaw", role: "MENTEE", displayName: "Lukas Wittmann", email: "l.wittmann@oth-aw.example", degreeLevel: "MASTER", semester: 3, discipline: "Electrical Engineering and Information Technology", languages: ["de", "en"], tracks: ["engineering"],
    disciplineCode: "electrical-engineering", goalCodes: ["doctorate"], meetingFormat: "HYBRID", region: "DE-BY", availabilityHoursPerMonth: 4, experienceYears: 2 },
  { node: "othaw", role: "MENTEE", displayName: "Anna Ziegler", email: "a.ziegler@oth-aw.example", degreeLevel: "MASTER", semester: 2, discipline: "Industrial Engineering", languages: ["de", "en"], tracks: ["economics"],
    disciplineCode: "industrial-engineering", goalCodes: ["doctorate", "career-industry"], meetingFormat: "HYBRID", region: "DE-BY", availabilityHoursPerMonth: 5, experienceYears: 1 },
  { node: "othaw", role: "MENTEE", displayName: "Tobias Meier", email: "t.meier@oth-aw.example", degreeLevel: "MASTER", semester: 2, discipline: "Artificial Intelligence", languages: ["de", "en"], tracks: ["engineering"],
    disciplineCode: "artificial-intelligence", goalCodes: ["doctorate", "founding"], meetingFormat: "ONLINE", region: "DE-BY", availabilityHoursPerMonth: 6, experienceYears: 0 },
  { node: "othaw", role: "MENTEE", displayName: "Lea Gruber", email: "l.gruber@oth-aw.example", degreeLevel: "MASTER", semester: 1, discipline: "Digital Business", languages: ["de", "en", "cs"], tracks: ["economics"],
    disciplineCode: "digital-business", goalCodes: ["doctorate", "international-career"], meetingFormat: "HYBRID", region: "DE-BY", availabilityHoursPerMonth: 4, experienceYears: 0 },
  { node: "othaw", role: "MENTEE", displayName: "Florian Hartl", email: "f.hartl@oth-aw.example", degreeLevel: "MASTER", semester: 3, discipline: "Environmental Technology", languages: ["de", "en"], tracks: ["engineering"],
    disciplineCode: "environmental-technology", goalCodes: ["doctorate"], meetingFormat: "IN_PERSON", region: "DE-BY", availabilityHoursPerMonth: 4, experienceYears: 1 },
  { node: "othaw", role: "MENTEE", displayName: "Johanna Reindl", email: "j.reindl@oth-aw.example", degreeLevel: "MASTER", semester: 2, discipline: "International Business", languages: ["de", "en", "fr"], tracks: ["economics"],
    disciplineCode: "international-business", goalCodes: ["doctorate", "international-career"], meetingFormat: "HYBRID", region: "DE-BY", availabilityHoursPerMonth: 5, experienceYears: 2 },
  { node: "othaw", role: "MENTEE", displayName: "Simon Dietl", email: "s.dietl@oth-aw.example", degreeLevel: "MASTER", semester: 2, discipline: "Applied Research in Engineering Sciences", languages: ["de", "en"], tracks: ["engineering"],
    disciplineCode: "engineering-research", goalCodes: ["doctorate"], meetingFormat: "HYBRID", region: "DE-BY", availabilityHoursPerMonth: 6, experienceYears: 0 },
  { node: "othaw", role: "MENTEE", displayName: "Katharina Schmid", email: "k.schmid@oth-aw.example", degreeLevel: "MASTER", semester: 1, discipline: "Logistics and Supply Chain Management", languages: ["de", "en", "cs"], tracks: ["economics"],
    disciplineCode: "logistics", goalCodes: ["doctorate", "networking"], meetingFormat: "HYBRID", region: "DE-BY", availabilityHoursPerMonth: 4, experienceYears: 1 },
  { node: "othaw", role: "MENTOR", displayName: "Dr. Bernhard Kellner", email: "bernhard.kellner@oberpfalz-medical.example", degreeLevel: "PROFESSIONAL", discipline: "Medical Engineering", organisation: "Oberpfalz Medical Devices GmbH", languages: ["de", "en"], tracks: ["engineering"], publicProfile: true,
    disciplineCode: "medical-engineering", goalCodes: ["career-industry", "leadership", "doctorate"], meetingFormat: "HYBRID", region: "DE-BY", availabilityHoursPerMonth: 4, mentorCapacity: 1, experienceYears: 15 },
  { node: "othaw", role: "ALUMNUS", displayName: "Veronika Schönberger", email: "v.schoenberger@alumni.oth-aw.example", degreeLevel: "DOCTORAL", semester: 2, discipline: "Materials Engineering", organisation: "Doctoral researcher at ZČU, Plzeň", languages: ["de", "cs", "en"], tracks: ["engineering"],
    disciplineCode: "materials-engineering", goalCodes: ["doctorate", "networking"], meetingFormat: "HYBRID", region: "CZ-PL", availabilityHoursPerMonth: 2, experienceYears: 2 },
];
