import { ConstraintPage, ImportEvent, Person, Program } from '@handoff/contract';
import type { TestApi, TestResponse } from '../../testing/harness.js';

/** Test helpers for the import routes: people and a program to import into, files, and the raw-body call. */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function addPerson(api: TestApi, name: string, email: string): Promise<Person> {
  const res = await api.call('POST', '/api/people', { name, email });
  if (res.status !== 201) throw new Error(`person not created: ${JSON.stringify(res.body)}`);
  return Person.parse(res.body);
}

export async function addProgram(api: TestApi, key: string, phase = 'pilot'): Promise<Program> {
  const res = await api.call('POST', '/api/programs', { name: `${key} program`, key, phase });
  if (res.status !== 201) throw new Error(`program not created: ${JSON.stringify(res.body)}`);
  return Program.parse(res.body);
}

/** CSV text from rows of cells, quoting where needed. */
export function csv(rows: readonly (readonly string[])[]): string {
  const quote = (cell: string): string => (/[",\n;]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** POSTs a file to the import endpoint through the real HTTP stack. */
export async function importFile(
  api: TestApi, program: string, body: string | Uint8Array, query = '', headers: Record<string, string> = { 'content-type': 'text/csv' },
): Promise<TestResponse> {
  const res = await api.handoff.request(`/api/programs/${program}/constraints:import${query}`, { method: 'POST', body, headers });
  const text = await res.text();
  let parsed: unknown = text;
  try { parsed = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** The NDJSON events of a streamed import, parsed line by line. */
export async function importStreamed(api: TestApi, program: string, body: string | Uint8Array, query = ''): Promise<ImportEvent[]> {
  const res = await api.handoff.request(`/api/programs/${program}/constraints:import${query}`, {
    method: 'POST', body, headers: { 'content-type': 'text/csv', accept: 'application/x-ndjson' },
  });
  if (!res.headers.get('content-type')?.startsWith('application/x-ndjson')) throw new Error(`not a stream: ${res.status} ${await res.text()}`);
  return (await res.text()).split('\n').filter((l) => l !== '').map((l) => ImportEvent.parse(JSON.parse(l)));
}

/** Every constraint of a program, all pages. */
export async function constraintsOf(api: TestApi, program: string): Promise<ConstraintPage['items']> {
  const items: ConstraintPage['items'] = [];
  let cursor: string | null = null;
  do {
    const res = await api.call('GET', `/api/programs/${program}/constraints?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    const page = ConstraintPage.parse(res.body);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
