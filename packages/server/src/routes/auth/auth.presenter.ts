import type { Account, ProgramMember } from '@handoff/contract';
import type { AccountView, MemberRow } from '../../db/repos/accounts.repo.js';

/** Maps a stored account to its API shape: never the password hash or the single sign-on subject. */
export function presentAccount(row: AccountView): Account {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    person: row.person_id !== null && row.person_name !== null && row.person_email !== null
      ? { id: row.person_id, name: row.person_name, email: row.person_email } : null,
    disabled: row.disabled_at !== null,
    signIn: { password: row.password_hash !== null, oidc: row.oidc_subject !== null },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function presentMember(row: MemberRow): ProgramMember {
  return { person: { id: row.person_id, name: row.name, email: row.email }, addedAt: row.added_at.toISOString() };
}
