import { boardPackCounts, type BoardPack, type BoardPackDecision, type BoardPackProgram } from '@handoff/core';
import PDFDocument from 'pdfkit';
import { forecastChart, readinessChart } from './board-pack-charts.js';

/** Left/right/top/bottom margin in points (A4 is 595 × 842). */
const MARGIN = 50;

/**
 * Text the built-in Helvetica can draw: it only encodes WinAnsi, so anything beyond Latin-1 (and the few
 * typographic marks WinAnsi adds) becomes "?" rather than garbage, and text stays extractable.
 */
function winAnsi(s: string): string {
  return s.replace(/[^\t\n\r\x20-\x7e\xa0-\xff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/gu, '?');
}

function heading(doc: PDFKit.PDFDocument, text: string, size: number): void {
  doc.font('Helvetica-Bold').fontSize(size).fillColor('black').text(winAnsi(text)).font('Helvetica').moveDown(0.3);
}

function para(doc: PDFKit.PDFDocument, text: string, size = 10): void {
  doc.font('Helvetica').fontSize(size).fillColor('black').text(winAnsi(text)).moveDown(0.2);
}

function cover(doc: PDFKit.PDFDocument, pack: BoardPack): void {
  const c = boardPackCounts(pack);
  doc.moveDown(8);
  doc.font('Helvetica-Bold').fontSize(30).text('Board pack', { align: 'center' });
  doc.font('Helvetica').fontSize(18).text(pack.date, { align: 'center' }).moveDown(2);
  doc.fontSize(12)
    .text(`${c.decisions} pending decisions (${c.overdue} overdue)`, { align: 'center' })
    .text(`${c.programs} programs, ${c.executiveOwnership} with executive ownership`, { align: 'center' })
    .text(`${pack.sharedConstraints.length} constraints shared by two or more programs`, { align: 'center' });
}

function decision(doc: PDFKit.PDFDocument, d: BoardPackDecision, n: number, date: string): void {
  heading(doc, `${n}. ${d.title}`, 13);
  const about = d.constraintRef ? `${d.programKey}, constraint ${d.constraintRef}` : d.programKey;
  para(doc, `Program: ${about}    Decide by: ${d.dueDate}${d.dueDate < date ? ' (overdue)' : ''}`);
  if (d.context.trim() !== '') para(doc, d.context);
  if (d.options.length > 0) {
    para(doc, 'Options:');
    d.options.forEach((o, i) => para(doc, `   ${i + 1}. ${o}${o === d.recommendation ? '  (recommended)' : ''}`));
  }
  doc.font('Helvetica-Bold').fontSize(10).text(winAnsi(`Recommended action: ${d.recommendation}`)).font('Helvetica').moveDown(1);
}

function portfolio(doc: PDFKit.PDFDocument, pack: BoardPack): void {
  heading(doc, 'Portfolio', 18);
  if (pack.programs.length === 0) para(doc, 'No programs.');
  for (const p of pack.programs) {
    const late = p.forecast ? `P80 ${p.forecast.p80}` : 'no forecast';
    para(doc, `${p.key}  ${p.name}: ${p.phase}, ${p.ownership}, ${late}, target ${p.targetProductionDate ?? 'none'}`);
  }
  if (pack.sharedConstraints.length > 0) {
    doc.moveDown(0.5);
    heading(doc, 'Shared constraints', 14);
    for (const s of pack.sharedConstraints) para(doc, `${s.ref} ${s.title} (deadline ${s.deadline}) blocks ${s.blocks.join(', ')}`);
  }
}

function program(doc: PDFKit.PDFDocument, p: BoardPackProgram): void {
  heading(doc, `${p.key}: ${p.name}`, 18);
  para(doc, `Phase ${p.phase}; sponsor ${p.sponsorName ?? '(none)'}; target production ${p.targetProductionDate ?? '(none)'}; ` +
    (p.ownership === 'executive-ownership' ? 'executive ownership' : 'visibility only'), 9);
  doc.moveDown(0.3);
  p.answers.forEach((a, i) => {
    doc.font('Helvetica-Bold').fontSize(10).text(winAnsi(`${i + 1}. ${a.question}`));
    para(doc, `${a.status === 'missing' ? 'Missing: ' : ''}${a.text}`);
  });
  doc.moveDown(0.5);
  heading(doc, 'Readiness for the next gate', 12);
  if (p.readiness) readinessChart(doc, p.readiness);
  else para(doc, 'Never assessed.');
  heading(doc, 'Production forecast', 12);
  if (p.forecast) {
    forecastChart(doc, p.forecast, p.targetProductionDate);
    if (p.forecast.onTargetProbability !== null) para(doc, `Probability of meeting the target: ${Math.round(p.forecast.onTargetProbability * 100)}%`, 9);
  } else para(doc, 'No forecast (no plan).');
  doc.moveDown(0.5);
  heading(doc, 'Diagnosis', 12);
  para(doc, `${p.diagnosis.healthy ? 'Healthy. ' : ''}${p.diagnosis.summary}`);
}

/**
 * The board pack as a PDF (A4, built-in Helvetica so text is extractable): a cover with the date and the
 * counts, the pending decisions, the portfolio, then one page per program with its readiness and forecast
 * charts. Deterministic: the creation date is the pack's date, so the same pack gives the same bytes.
 */
export function renderBoardPackPdf(pack: BoardPack): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new PDFDocument({
    size: 'A4', margin: MARGIN,
    info: { Title: `Board pack ${pack.date}`, Creator: 'Handoff', Producer: 'Handoff', CreationDate: new Date(`${pack.date}T00:00:00Z`) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  cover(doc, pack);
  doc.addPage();
  heading(doc, 'Decisions for the board', 18);
  if (pack.decisions.length === 0) para(doc, 'No decision is pending.');
  pack.decisions.forEach((d, i) => decision(doc, d, i + 1, pack.date));
  doc.addPage();
  portfolio(doc, pack);
  for (const p of pack.programs) {
    doc.addPage();
    program(doc, p);
  }
  doc.end();
  return done;
}
