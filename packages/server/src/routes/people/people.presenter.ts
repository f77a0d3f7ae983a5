import type { Person } from '@handoff/contract';
import type { PersonRow } from '../../db/repos/people.repo.js';

/** Maps a stored person to its API shape. */
export function presentPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    title: row.title,
    boardMember: row.board_member,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
