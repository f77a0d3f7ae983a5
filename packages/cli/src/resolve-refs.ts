import { Constraint, PersonPage, Program } from '@handoff/contract';
import type { ApiClient } from './api-client.js';
import { getAs } from './api-call.js';
import { CliError } from './cli-error.js';

/**
 * People are named on the command line by e-mail, programs by key and constraints by ref (CLAIMS-12);
 * the API takes ids. These look the ids up through the API (ids are accepted as they are).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function personId(client: ApiClient, emailOrId: string): Promise<string> {
  if (UUID.test(emailOrId)) return emailOrId;
  const page = await getAs(client, `/api/people?email=${encodeURIComponent(emailOrId)}&limit=1`, PersonPage, 'people page');
  const found = page.items[0];
  if (!found) throw new CliError(`no person with e-mail ${emailOrId} in this workspace`);
  return found.id;
}

export async function findProgram(client: ApiClient, keyOrId: string): Promise<Program> {
  return getAs(client, `/api/programs/${encodeURIComponent(keyOrId)}`, Program, 'program');
}

export async function findConstraint(client: ApiClient, refOrId: string): Promise<Constraint> {
  return getAs(client, `/api/constraints/${encodeURIComponent(refOrId)}`, Constraint, 'constraint');
}
