/**
 * The demo's texts in other languages (README: Languages): every programme,
 * track, cohort and event in German and English, careerSTEPS (ZČU Plzeň and
 * OTH Amberg-Weiden) in Czech too, the Greater Region programmes in French.
 * Each text's own language is English unless `language` says otherwise.
 * Keyed by programme name, cohort seed name, and "node/key" of an event.
 */
import type { TextsSeed } from "../types.js";

export const programmeTexts: Record<string, TextsSeed & { tracks: Record<string, { language: string; name: string }[]> }> = {
  "Industrial Mentorship Programme": {
    translations: [
      {
        language: "de",
        name: "Industrie-Mentoring-Programm",
        description:
          "Neun Monate Karriere-Mentoring, Networking und Trainings für Promovierende der Hochschule Trier und ihrer Partner in der Großregion, die eine Laufbahn in Industrie, Wirtschaft oder Gesellschaft anstreben. Die Mentorinnen und Mentoren sind Führungskräfte, die nach ihrer eigenen Promotion in die Industrie gewechselt sind.",
      },
      {
        language: "fr",
        name: "Programme de mentorat industriel",
        description:
          "Neuf mois de mentorat de carrière, de réseautage et de formations pour les doctorantes et doctorants de la HS Trier et de ses partenaires de la Grande Région qui visent une carrière dans l'industrie, l'entreprise ou la société. Les mentors sont des cadres passés dans l'industrie après leur propre doctorat.",
      },
    ],
    tracks: {
      health: [{ language: "de", name: "Gesundheit" }, { language: "fr", name: "Santé" }],
      sustainability: [{ language: "de", name: "Nachhaltigkeit" }, { language: "fr", name: "Durabilité" }],
      digitalisation: [{ language: "de", name: "Digitalisierung" }, { language: "fr", name: "Numérique" }],
    },
  },
  "careerSTEPS cross-border mentoring": {
    translations: [
      {
        language: "de",
        name: "careerSTEPS – grenzüberschreitendes Mentoring",
        description:
          "Masterstudierende der OTH Amberg-Weiden, die über eine Promotion nachdenken, bilden Tandems mit Forschenden der Westböhmischen Universität. Die Tandems treffen sich online, in Pilsen und in Amberg und besuchen gemeinsam Labore, Konferenzen und Unternehmen.",
      },
      {
        language: "cs",
        name: "careerSTEPS – přeshraniční mentoring",
        description:
          "Studenti magisterského studia na OTH Amberg-Weiden, kteří uvažují o doktorátu, tvoří tandemy s výzkumníky Západočeské univerzity. Tandemy se setkávají online, v Plzni a v Ambergu a společně navštěvují laboratoře, konference a firmy.",
      },
    ],
    tracks: {
      engineering: [{ language: "de", name: "Ingenieurwesen und Informatik" }, { language: "cs", name: "Inženýrství a informatika" }],
      economics: [{ language: "de", name: "Wirtschaft und Management" }, { language: "cs", name: "Ekonomie a management" }],
    },
  },
  "Greater Region joint matching": {
    translations: [
      {
        language: "de",
        name: "Gemeinsames Matching in der Großregion",
        description:
          "Mentees und Mentoren der Universitäten der Großregion, der ZČU und der OTH Amberg-Weiden, die dem gemeinsamen Matching zustimmen, werden von der Koordinationsstelle hochschulübergreifend zu Tandems zusammengestellt: nach Schwerpunkten, Fächern, Zielen, Sprachen, Treffenformat und Region. Profile verlassen die eigene Universität nur unter Pseudonym, Arbeitgeber und Betreuende nur als Konflikt-Token.",
      },
      {
        language: "fr",
        name: "Appariement commun de la Grande Région",
        description:
          "Les mentorés et mentors des universités de la Grande Région, de la ZČU et de l'OTH Amberg-Weiden qui consentent à l'appariement commun sont réunis en tandems entre établissements par le bureau de coordination, selon les thématiques, disciplines, objectifs, langues, formats de rencontre et régions. Les profils ne quittent leur université que sous pseudonyme.",
      },
    ],
    tracks: {
      health: [{ language: "de", name: "Gesundheit" }, { language: "fr", name: "Santé" }],
      sustainability: [{ language: "de", name: "Nachhaltigkeit" }, { language: "fr", name: "Durabilité" }],
      digitalisation: [{ language: "de", name: "Digitalisierung" }, { language: "fr", name: "Numérique" }],
      engineering: [{ language: "de", name: "Ingenieurwesen und Informatik" }, { language: "fr", name: "Ingénierie et informatique" }],
    },
  },
};

/** Cohort names before their season ("… 2026/27" is appended to each). */
export const cohortTexts: Record<string, TextsSeed> = {
  "Industrial Mentorship": { translations: [{ language: "de", name: "Industrie-Mentoring" }, { language: "fr", name: "Mentorat industriel" }] },
  careerSTEPS: { translations: [{ language: "de", name: "careerSTEPS Jahrgang" }, { language: "cs", name: "careerSTEPS ročník" }] },
  "Joint matching": { translations: [{ language: "de", name: "Gemeinsames Matching" }, { language: "fr", name: "Appariement commun" }] },
};

const de = (title: string, description = "") => ({ language: "de", title, description });
const cs = (title: string, description = "") => ({ language: "cs", title, description });
const en = (title: string, description = "") => ({ language: "en", title, description });
const fr = (title: string, description = "") => ({ language: "fr", title, description });

export const eventTexts: Record<string, TextsSeed> = {
  // Hochschule Trier: the Industrial Mentorship Programme
  "hst/imp-kick-off": { translations: [de("Industrie-Mentoring-Programm: virtueller Auftakt", "Mentees und Mentoren der neuen Runde lernen sich kennen, klären ihre Rollen und erfahren, wie Matching, Vereinbarungen und die neun Monate ablaufen."), fr("Programme de mentorat industriel : lancement virtuel")] },
  "hst/networking-first-steps": { translations: [de("Digitaler Netzwerkabend: erste Schritte jenseits der Hochschule", "Kurze Vorstellungen, dann wechselnde Breakout-Räume, in denen Promovierende und Mentoren der Großregion Erfahrungen mit dem Wechsel in die Industrie austauschen.")] },
  "hst/career-international": { translations: [de("Karriereabend für internationale Studierende", "Career Service und Alumni zeigen, wie sich Praktika und ein erster Job in der Region ab dem dritten Semester vorbereiten lassen.")] },
  "hst/panel-health-industry": { translations: [de("Virtuelles Panel: von der Promotion in die Gesundheitswirtschaft", "Drei promovierte Mentorinnen und Mentoren erzählen, wie sie in Clinical Data Science, Medizintechnik und Pharma angekommen sind – und was sie heute anders machen würden.")] },
  "hst/imp-training-negotiation": { translations: [de("Training: den ersten Industrievertrag verhandeln", "Das erste der zwei Pflichttrainings, per Interessenumfrage gewählt: Gehaltsbänder, Vertragsklauseln und Verhandeln, ohne Brücken abzubrechen."), fr("Formation : négocier son premier contrat dans l'industrie")] },
  "hst/expert-data-regulated": { translations: [de("Expertenrunde: Datenkarrieren in regulierten Branchen", "Eine kleine Runde mit zwei Datenverantwortlichen aus Medizintechnik und Finanzwesen über Validierung, Audits und den Wert wissenschaftlicher Sorgfalt.")] },
  "hst/peer-application-documents": { translations: [de("Peer-Runde: Bewerbungsunterlagen und berufliche Profile", "Mentees prüfen gegenseitig Lebensläufe, Anschreiben und Online-Profile in kleinen Gruppen – ohne Mentoren, ohne Folien.")] },
  "hst/imp-training-leadership": { translations: [de("Training: führen ohne formale Autorität", "Zweites Pflichttraining: Projektteams beeinflussen, mit Konflikten umgehen und Feedback geben, bevor man einen Führungstitel hat."), fr("Formation : diriger sans autorité formelle")] },
  "hst/alumni-summer": { translations: [de("Sommertreffen von Alumni und Mentoren", "Ein zwangloser Abend auf dem Campus für ehemalige Mentees, Mentoren und die Teilnehmenden dieses Jahres.")] },
  "hst/imp-closing": { translations: [de("Industrie-Mentoring-Programm: Abschluss und Zertifikate", "Die Tandems blicken auf ihre Ziele zurück, die Koordinationsstelle stellt die Evaluation vor und die Mentees erhalten ihre Mentoring-Zertifikate."), fr("Programme de mentorat industriel : clôture et certificats")] },

  // Université du Luxembourg
  "unilu/welcome-international": { translations: [de("Willkommensabend für internationale Masterstudierende"), fr("Soirée d'accueil des étudiants internationaux en master")] },
  "unilu/panel-sustainability": { translations: [de("Panel: Karrieren in nachhaltiger Finanzwirtschaft und Werkstoffen"), fr("Table ronde : carrières dans la finance durable et les matériaux")] },
  "unilu/expert-regulatory": { translations: [de("Expertenrunde: Zulassung von Medizinprodukten"), fr("Groupe d'experts : affaires réglementaires des dispositifs médicaux")] },
  "unilu/networking-belval": { translations: [de("Netzwerkabend in Belval"), fr("Soirée de réseautage à Belval")] },
  "unilu/training-pitch": { translations: [de("Training: die eigene Forschung für Fachfremde pitchen"), fr("Formation : présenter sa recherche à des non-spécialistes")] },
  "unilu/peer-multilingual-interviews": { translations: [de("Peer-Treffen: Vorstellungsgespräche in drei Sprachen"), fr("Rencontre entre pairs : entretiens d'embauche en trois langues")] },
  "unilu/panel-data-careers": { translations: [de("Panel: vom Labor in die Datenkarriere"), fr("Table ronde : quitter le labo pour une carrière dans les données")] },
  "unilu/expert-deep-tech": { translations: [de("Expertenrunde: ein Deep-Tech-Start-up gründen"), fr("Groupe d'experts : fonder une start-up deep tech")] },
  "unilu/training-professional-networks": { translations: [de("Training: sichtbar in beruflichen Netzwerken"), fr("Formation : être visible sur les réseaux professionnels")] },

  // Université de Lorraine
  "ul/atelier-cv": {
    language: "fr",
    translations: [
      de("Workshop: Lebenslauf und Anschreiben für den deutsch-französischen Arbeitsmarkt", "Lebenslauf und Anschreiben an die Erwartungen von Arbeitgebern in Frankreich, Deutschland und Luxemburg anpassen."),
      en("Workshop: CV and cover letter for the French-German job market", "Adapting a CV and cover letter to what employers in France, Germany and Luxembourg expect."),
    ],
  },
  "ul/panel-hydrogen": { translations: [de("Panel: Wasserstoff und Energiewende – Karrieren nach der Promotion"), fr("Table ronde : l'hydrogène et la transition énergétique, carrières après le doctorat")] },
  "ul/training-project-management": { translations: [de("Training: Projektmanagement für Forschende auf dem Weg in die Industrie"), fr("Formation : gestion de projet pour les chercheurs qui rejoignent l'industrie")] },
  "ul/expert-medtech": { translations: [de("Expertenrunde: Karrieren in der klinischen Forschung der Medizintechnik"), fr("Groupe d'experts : carrières en recherche clinique dans les medtech")] },
  "ul/peer-career-canvas": { translations: [de("Peer-Treffen: eine Karrierestrategie auf einer Seite"), fr("Rencontre entre pairs : une stratégie de carrière sur une page")] },
  "ul/networking-metz": { translations: [de("Grenzüberschreitender Netzwerkabend in Metz"), fr("Soirée de réseautage transfrontalière à Metz")] },
  "ul/panel-women-engineering": { translations: [de("Panel: Frauen in Führung im Ingenieurwesen"), fr("Table ronde : des femmes à la tête de l'ingénierie")] },
  "ul/networking-alumni-nancy": { translations: [de("Alumni-Abend in Nancy"), fr("Soirée des anciens à Nancy")] },

  // University of West Bohemia: careerSTEPS and its own events
  "zcu/steps-kick-off": {
    translations: [
      de("Auftakt des grenzüberschreitenden Mentorings: lerne dein Tandem kennen", "Mentees aus Bayern und ihre Mentoren aus Pilsen treffen sich persönlich, unterschreiben ihre Mentoring-Vereinbarungen und planen die ersten Treffen."),
      cs("Zahájení přeshraničního mentoringu: seznamte se se svým tandemem", "Mentees z Bavorska a jejich mentoři z Plzně se osobně setkají, podepíší mentoringové dohody a naplánují první schůzky."),
    ],
  },
  "zcu/seminar-doctoral-study": {
    language: "cs",
    translations: [
      en("Seminar: how to approach doctoral studies", "How to choose a topic and a supervisor, what the admission procedure looks like and what the first year of a doctorate involves."),
      de("Seminar: der Weg ins Promotionsstudium", "Wie man Thema und Betreuung wählt, wie das Aufnahmeverfahren abläuft und was das erste Jahr der Promotion mit sich bringt."),
    ],
  },
  "zcu/lab-visit-ntis": {
    translations: [
      de("Laborbesuch: Werkstoffe und Kybernetik am NTIS", "Eine Führung durch zwei Forschungslabore, danach Fragen an die Forschenden, die sie leiten."),
      cs("Návštěva laboratoří: materiály a kybernetika v NTIS", "Prohlídka dvou výzkumných laboratoří a poté otázky výzkumníkům, kteří je vedou."),
    ],
  },
  "zcu/meet-doctoral-students": {
    translations: [
      de("Treffen mit Promovierenden der ZČU: wie eine Promotion wirklich aussieht", "Promovierende sprechen offen über Finanzierung, Betreuung, Lehrverpflichtungen und das Leben in Pilsen."),
      cs("Setkání s doktorandy ZČU: jak doktorát doopravdy vypadá", "Doktorandi otevřeně mluví o financování, školitelích, výuce a životě v Plzni."),
    ],
  },
  "zcu/training-research-proposal": {
    translations: [
      de("Training: der erste eigene Forschungsantrag", "Aufbau, Forschungsstand, Methoden und ein realistischer Arbeitsplan, mit Feedback zu einem einseitigen Entwurf."),
      cs("Trénink: první vlastní výzkumný návrh", "Struktura, stav poznání, metody a realistický pracovní plán, se zpětnou vazbou na jednostránkový návrh."),
    ],
  },
  "zcu/panel-academic-careers": {
    translations: [
      de("Panel: akademische Karrieren in Tschechien und Bayern", "Forschende beider Universitäten vergleichen Promotionswege, Finanzierung und den Weg zur Professur auf beiden Seiten der Grenze."),
      cs("Panelová diskuse: akademické kariéry v Česku a Bavorsku", "Výzkumníci obou univerzit porovnávají cesty k doktorátu, financování a cestu k profesuře na obou stranách hranice."),
    ],
  },
  "zcu/networking-plzen": {
    translations: [
      de("Netzwerkabend in Pilsen", "Tandems, Promovierende und Arbeitgeber der Region treffen sich zum Abendessen in der Innenstadt."),
      cs("Networkingový večer v Plzni", "Tandemy, doktorandi a regionální zaměstnavatelé se setkají u večeře v centru města."),
    ],
  },
  "zcu/workshop-scientific-writing": {
    translations: [
      de("Workshop: wissenschaftliches Schreiben auf Englisch", "Klare Sätze, ehrliche Aussagen und ein Aufbau, dem Gutachter folgen können – geübt an eigenen Texten."),
      cs("Workshop: vědecké psaní v angličtině", "Jasné věty, poctivá tvrzení a struktura článku, které recenzenti porozumí, procvičené na vlastních textech účastníků."),
    ],
  },
  "zcu/company-visit-rail": {
    translations: [
      de("Firmenbesuch: Forschung und Entwicklung bei Schienenfahrzeugen", "Eine Entwicklungsabteilung zeigt, wie Promovierte an Fahrzeugkonstruktion und Erprobung arbeiten."),
      cs("Exkurze do firmy: výzkum a vývoj kolejových vozidel", "Vývojové oddělení ukáže, jak absolventi doktorského studia pracují na konstrukci a zkoušení vozidel."),
    ],
  },

  // OTH Amberg-Weiden: careerSTEPS and its own events
  "othaw/steps-tandem-day": {
    translations: [
      de("Grenzüberschreitender Tandemtag in Amberg", "Die Tandems treffen sich auf bayerischer Seite: kurze Zwischenberichte, ein Campusrundgang und Zeit für jedes Paar."),
      cs("Přeshraniční den tandemů v Ambergu", "Tandemy se setkají na bavorské straně: krátké zprávy o pokroku, prohlídka kampusu a čas pro každou dvojici."),
    ],
  },
  "othaw/panel-doctorate-haw": {
    translations: [
      de("Panel: Promotion nach dem Studium an einer Hochschule für angewandte Wissenschaften", "Kooperative Promotionen, Promotionszentren und was Absolventinnen und Absolventen vor der Bewerbung wissen sollten."),
      cs("Panelová diskuse: doktorát po studiu na vysoké škole aplikovaných věd", "Kooperativní doktoráty, doktorská centra a co by absolventi měli vědět, než se přihlásí."),
    ],
  },
  "othaw/networking-weiden": {
    translations: [
      de("Netzwerkabend mit der regionalen Industrie in Weiden", "Studierende, Mentoren und Unternehmen der Oberpfalz treffen sich auf dem Campus Weiden."),
      cs("Networkingový večer s regionálním průmyslem ve Weidenu", "Studenti, mentoři a firmy z Horní Falce se setkají v kampusu ve Weidenu."),
    ],
  },
  "othaw/training-first-conference": {
    translations: [
      de("Training: der erste Vortrag auf einer wissenschaftlichen Konferenz", "Abstract, Poster, Vortrag und Fragen aus dem Publikum, geprobt mit Feedback."),
      cs("Trénink: první vystoupení na vědecké konferenci", "Abstrakt, poster, přednáška a otázky z publika, nacvičené se zpětnou vazbou."),
    ],
  },
  "othaw/expert-medical-engineering": {
    translations: [
      de("Expertenrunde: Forschung in der Medizintechnik in Ostbayern", "Forschende und ein Medizinproduktehersteller über offene Fragen des Fachs und wo Promotionsprojekte hineinpassen."),
      cs("Expertní skupina: výzkum lékařské techniky ve východním Bavorsku", "Výzkumníci a výrobce zdravotnických prostředků o otevřených otázkách oboru a o tom, kam zapadají doktorské projekty."),
    ],
  },
  "othaw/peer-thesis-stepping-stone": {
    translations: [
      de("Peer-Treffen: die Masterarbeit als Sprungbrett in die Forschung", "Mentees vergleichen ihre Abschlussarbeitsthemen und besprechen, welche zu einem Promotionsprojekt wachsen könnten."),
      cs("Setkání vrstevníků: diplomová práce jako odrazový můstek k výzkumu", "Mentees porovnají témata svých prací a proberou, která by mohla přerůst v doktorský projekt."),
    ],
  },
  "othaw/mentoring-stammtisch": {
    language: "de",
    translations: [en("Mentoring get-together in Amberg", "A relaxed evening for mentees, mentors and alumni of the university.")],
  },
  "othaw/steps-closing": {
    translations: [
      de("Grenzüberschreitendes Mentoring: Abschluss und Evaluation", "Die Tandems stellen vor, was sie erreicht haben, füllen die Evaluation aus und erhalten ihre Zertifikate."),
      cs("Přeshraniční mentoring: závěr a hodnocení", "Tandemy představí, čeho dosáhly, vyplní hodnocení a obdrží certifikáty."),
    ],
  },
};
