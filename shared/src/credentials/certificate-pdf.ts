/**
 * The printable certificate: one A4 page in the holder's language, with the
 * verification URL printed and as a QR code, and the signed credential
 * attached (credential.json) so it can be checked without a network.
 */
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { certificateText, type CertificateLanguage } from "./certificate-messages.js";
import type { SignedCredential } from "./issue.js";
import { credentialSummary, type CredentialSummary } from "./summary.js";

const require = createRequire(import.meta.url);
/** Noto Sans, whole TTF files: every Latin, Greek and Cyrillic letter in one font (pdfkit has no fallback). */
const FONT_REGULAR = require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf");
const FONT_BOLD = require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf");

const MARGIN = 56;
const QR_CELL = 3;

interface CertificateFacts {
  summary: CertificateSummaryFields;
  start: Date;
  end: Date;
  issued: Date;
}
type CertificateSummaryFields = { [K in "id" | "title" | "holderName" | "role" | "programme" | "cohort"]: string } & { issuerName: string; description: string; criteria: string | null };

function required(summary: CredentialSummary, field: keyof CredentialSummary): string {
  const value = summary[field];
  if (typeof value !== "string" || value === "") throw new Error(`the credential has no ${field}: not a Tandem certificate`);
  return value;
}

function certificateFacts(credential: SignedCredential): CertificateFacts {
  const summary = credentialSummary(credential);
  const text = (field: keyof CredentialSummary) => required(summary, field);
  return {
    summary: {
      id: text("id"),
      title: text("title"),
      holderName: text("holderName"),
      role: text("role"),
      programme: text("programme"),
      cohort: text("cohort"),
      issuerName: summary.issuer.name ?? summary.issuer.id ?? "",
      description: text("achievementDescription"),
      criteria: summary.criteria,
    },
    start: new Date(text("activityStartDate")),
    end: new Date(text("activityEndDate")),
    issued: new Date(text("validFrom")),
  };
}

function drawQrCode(doc: PDFKit.PDFDocument, url: string, x: number, y: number): number {
  const modules = QRCode.create(url, { errorCorrectionLevel: "M" }).modules;
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) doc.rect(x + column * QR_CELL, y + row * QR_CELL, QR_CELL, QR_CELL);
    }
  }
  doc.fill("black");
  return modules.size * QR_CELL;
}

function drawBody(doc: PDFKit.PDFDocument, facts: CertificateFacts, language: CertificateLanguage): void {
  const { summary } = facts;
  const values = { name: summary.holderName, programme: summary.programme, cohort: summary.cohort, role: summary.role, start: facts.start, end: facts.end };
  doc.font("bold").fontSize(26).text(summary.title, MARGIN, 110, { align: "center" }).moveDown(1.5);
  doc.font("bold").fontSize(20).text(summary.holderName, { align: "center" }).moveDown();
  doc
    .font("regular")
    .fontSize(13)
    .text(certificateText(language, "body", values), { align: "center" })
    .moveDown();
  doc.fontSize(11).text(summary.description, { align: "center" }).moveDown();
  if (summary.criteria) doc.fontSize(10).fillColor("#444444").text(summary.criteria, { align: "center" }).fillColor("black").moveDown();
  doc.fontSize(11).text(certificateText(language, "issuedBy", { issuer: summary.issuerName, issued: facts.issued }), { align: "center" });
}

/**
 * The largest size from 10 pt down to 6 pt at which `text` fits on one line:
 * a verification URL broken at one of its hyphens is copied wrong. A URL too
 * long even at 6 pt wraps.
 */
function fittingFontSize(doc: PDFKit.PDFDocument, text: string, width: number): number {
  for (let size = 10; size > 6; size -= 0.5) if (doc.fontSize(size).widthOfString(text) <= width) return size;
  return 6;
}

function drawVerification(doc: PDFKit.PDFDocument, facts: CertificateFacts, language: CertificateLanguage, verificationUrl: string): void {
  const top = doc.page.height - MARGIN - 130;
  const side = drawQrCode(doc, verificationUrl, MARGIN, top);
  const x = MARGIN + side + 18;
  const width = doc.page.width - MARGIN - x;
  doc
    .font("regular")
    .fontSize(10)
    .text(certificateText(language, "verifyAt"), x, top + 4, { width });
  const urlSize = fittingFontSize(doc.font("bold"), verificationUrl, width);
  doc
    .fontSize(urlSize)
    .text(verificationUrl, { width, link: verificationUrl, lineBreak: doc.widthOfString(verificationUrl) > width })
    .moveDown(0.5);
  doc
    .font("regular")
    .fontSize(8)
    .text(certificateText(language, "credentialId", { id: facts.summary.id }), { width });
  doc.text(certificateText(language, "offline"), { width });
}

/** Renders the certificate of a signed credential as a one-page PDF in the given language. */
export async function renderCertificatePdf(credential: SignedCredential, language: CertificateLanguage, verificationUrl: string): Promise<Buffer> {
  const facts = certificateFacts(credential);
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, lang: language, info: { Title: facts.summary.title, Author: facts.summary.issuerName } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("regular", FONT_REGULAR).registerFont("bold", FONT_BOLD);
  drawBody(doc, facts, language);
  drawVerification(doc, facts, language, verificationUrl);
  doc.file(Buffer.from(JSON.stringify(credential, null, 2)), { name: "credential.json", type: "application/json", description: "Signed Open Badges 3.0 credential" });
  doc.end();
  return finished;
}

/** Where the QR code points: the gateway's public verification page of this credential. */
export function credentialVerificationUrl(publicGatewayUrl: string, nodeId: string, credentialId: string): string {
  return `${publicGatewayUrl.replace(/\/$/, "")}/verify/${nodeId}/${encodeURIComponent(credentialId.replace(/^urn:uuid:/, ""))}`;
}
