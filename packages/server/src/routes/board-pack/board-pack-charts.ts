import { BOARD_PACK_DIMENSIONS, addDays, daysBetween, type BoardPackProgram } from '@handoff/core';

/** Colours of the charts: met / unmet readiness, forecast markers, the target line, axes. */
const MET = '#2e7d32';
const UNMET = '#c62828';
const MARKER = '#1565c0';
const TARGET = '#c62828';
const AXIS = '#555555';

/** Starts a new page when fewer than `height` points are left: vector drawings do not flow to the next page as text does. */
function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/**
 * A readiness bar chart at the current position: four bars 0–100 (green met, red unmet), the score above
 * each bar and the dimension below. Moves the cursor below the chart. Height in points: `height` + 40.
 */
export function readinessChart(doc: PDFKit.PDFDocument, readiness: NonNullable<BoardPackProgram['readiness']>, width = 360, height = 110): void {
  ensureRoom(doc, height + 40);
  const x0 = doc.page.margins.left + 30;
  const top = doc.y + 14;
  const base = top + height;
  const slot = width / BOARD_PACK_DIMENSIONS.length;
  doc.save().lineWidth(0.5).strokeColor(AXIS).moveTo(x0, top).lineTo(x0, base).lineTo(x0 + width, base).stroke().restore();
  doc.fontSize(7).fillColor(AXIS).text('100', x0 - 22, top - 3, { width: 18, align: 'right', lineBreak: false })
    .text('0', x0 - 22, base - 3, { width: 18, align: 'right', lineBreak: false });
  BOARD_PACK_DIMENSIONS.forEach((name, i) => {
    const d = readiness[name];
    const score = Math.max(0, Math.min(100, d.score));
    const barHeight = (score / 100) * height;
    const x = x0 + i * slot + slot * 0.2;
    const w = slot * 0.6;
    doc.save().rect(x, base - barHeight, w, Math.max(barHeight, 0.5)).fill(d.met ? MET : UNMET).restore();
    doc.fontSize(8).fillColor('black').text(String(Math.round(d.score)), x, base - barHeight - 11, { width: w, align: 'center', lineBreak: false });
    doc.fontSize(8).fillColor('black').text(`${name} ${d.met ? 'met' : 'unmet'}`, x - slot * 0.2, base + 4, { width: slot, align: 'center', lineBreak: false });
  });
  doc.fillColor('black');
  doc.x = doc.page.margins.left;
  doc.y = base + 24;
}

/**
 * A forecast chart at the current position: a time axis spanning the P50/P80/P95 production dates and
 * the target (padded a week each side), a marker per percentile and a vertical target line.
 * Moves the cursor below the chart.
 */
export function forecastChart(doc: PDFKit.PDFDocument, forecast: NonNullable<BoardPackProgram['forecast']>, target: string | null, width = 440): void {
  ensureRoom(doc, 75);
  const dates = [forecast.p50, forecast.p80, forecast.p95, ...(target ? [target] : [])].sort();
  const start = addDays(dates[0] ?? forecast.p50, -7);
  const end = addDays(dates[dates.length - 1] ?? forecast.p95, 7);
  const span = Math.max(1, daysBetween(start, end));
  const x0 = doc.page.margins.left + 30;
  const axisY = doc.y + 40;
  const at = (date: string): number => x0 + (daysBetween(start, date) / span) * width;
  doc.save().lineWidth(0.8).strokeColor(AXIS).moveTo(x0, axisY).lineTo(x0 + width, axisY).stroke().restore();
  doc.fontSize(7).fillColor(AXIS).text(start, x0 - 20, axisY + 4, { width: 60, lineBreak: false })
    .text(end, x0 + width - 40, axisY + 4, { width: 60, align: 'right', lineBreak: false });
  if (target) {
    const x = at(target);
    doc.save().lineWidth(1).strokeColor(TARGET).dash(3, { space: 2 }).moveTo(x, axisY - 30).lineTo(x, axisY + 14).stroke().undash().restore();
    doc.fontSize(7).fillColor(TARGET).text(`target ${target}`, x - 40, axisY + 16, { width: 80, align: 'center', lineBreak: false });
  }
  ([['P50', forecast.p50, 0], ['P80', forecast.p80, 1], ['P95', forecast.p95, 2]] as const).forEach(([label, date, row]) => {
    const x = at(date);
    doc.save().circle(x, axisY, 3).fill(MARKER).restore();
    doc.save().lineWidth(0.4).strokeColor(MARKER).moveTo(x, axisY - 3).lineTo(x, axisY - 8 - row * 9).stroke().restore();
    doc.fontSize(7).fillColor(MARKER).text(`${label} ${date}`, x - 35, axisY - 17 - row * 9, { width: 70, align: 'center', lineBreak: false });
  });
  doc.fillColor('black');
  doc.x = doc.page.margins.left;
  doc.y = axisY + 30;
}
