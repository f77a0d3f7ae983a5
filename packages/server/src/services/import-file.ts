import type { ImportCell, ImportRow } from '@handoff/core';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { HandoffError, invalidField } from '../errors.js';

/** A spreadsheet read into rows of cells, each row with its line number as a person sees it. */
export interface SpreadsheetFile {
  readonly format: 'csv' | 'xlsx';
  readonly rows: ImportRow[];
  /** XLSX workbooks in the 1904 date system count serial numbers from 1904-01-01. */
  readonly date1904: boolean;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** Reads CSV or XLSX, recognised from the bytes (not the name or content type, which clients often get wrong). */
export async function readSpreadsheet(bytes: Uint8Array, options: { sheet?: string | undefined }): Promise<SpreadsheetFile> {
  if (bytes.length === 0) throw invalidField('(body)', 'the body is empty; send the CSV or XLSX file itself as the body');
  if (startsWith(bytes, ZIP)) return readXlsx(bytes, options.sheet);
  if (startsWith(bytes, OLE)) throw unsupported('this is an old binary Excel file (.xls); save it as .xlsx or .csv');
  return { format: 'csv', rows: readCsv(decodeText(bytes)), date1904: false };
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function unsupported(detail: string): HandoffError {
  return new HandoffError('unsupported-media-type', detail, [{ path: '(body)', message: detail }]);
}

/** UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), else Windows-1252 (Excel's legacy "CSV"). */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.subarray(0, 8192).includes(0)) throw unsupported('the body is neither CSV text nor an XLSX workbook');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The delimiter of the first line: comma, or semicolon (Excel in many European locales), or tab. */
function delimiterOf(text: string): string {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

/** Each CSV record is one spreadsheet row (a quoted cell may span several text lines), numbered from 1. */
function readCsv(text: string): ImportRow[] {
  try {
    const records: string[][] = parse(text, {
      delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true,
    });
    return records.map((cells, i) => ({ line: i + 1, cells }));
  } catch (error) {
    const line = error instanceof Error && 'lines' in error && typeof error.lines === 'number' ? error.lines : undefined;
    const message = error instanceof Error ? error.message : 'unreadable CSV';
    throw new HandoffError('import-rejected', `the CSV cannot be read: ${message}`, [{ path: line ? `line ${line}` : '(body)', message }]);
  }
}

async function readXlsx(bytes: Uint8Array, sheetName: string | undefined): Promise<SpreadsheetFile> {
  // Loaded on first use: exceljs takes over a second to load and most processes never read a workbook.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw unsupported('the body is a ZIP archive but not a readable XLSX workbook');
  }
  const sheets = workbook.worksheets;
  const sheet = sheetName === undefined
    ? (sheets.find((s) => s.state === 'visible') ?? sheets[0])
    : (sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase()) ?? (/^\d+$/.test(sheetName) ? sheets[Number(sheetName) - 1] : undefined));
  if (!sheet) {
    throw invalidField('sheet', `no worksheet "${sheetName ?? ''}"; the workbook has ${sheets.map((s) => `"${s.name}"`).join(', ') || 'no worksheets'}`);
  }
  const rows: ImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: ImportCell[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(cellOf(row.getCell(col).value));
    rows.push({ line, cells });
  });
  return { format: 'xlsx', rows, date1904: workbook.properties.date1904 === true };
}

/** An XLSX cell value as text, a number, or a date (date cells arrive as UTC midnight of their day). */
function cellOf(value: ExcelJS.CellValue): ImportCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : { date: value.toISOString().slice(0, 10) };
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return cellOf(value.text);
  if ('result' in value) return cellOf(value.result);
  return '';
}
