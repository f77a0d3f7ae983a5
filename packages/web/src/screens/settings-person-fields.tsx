import type { Person } from '@handoff/contract';
import type { ApiError } from '../api/client.js';
import { Field } from './settings-fields.js';

/** A person as a form edits it: an empty title is sent as none (null). */
export interface PersonDraft {
  readonly name: string;
  readonly email: string;
  readonly title: string;
  readonly boardMember: boolean;
}

export const EMPTY_PERSON: PersonDraft = { name: '', email: '', title: '', boardMember: false };
export const PERSON_PATHS = ['name', 'email', 'title', 'boardMember'] as const;

export const draftOfPerson = (p: Person): PersonDraft => ({ name: p.name, email: p.email, title: p.title ?? '', boardMember: p.boardMember });

/** The body the API takes for a draft: the title null when left empty. */
export const personBody = (d: PersonDraft) => ({ ...d, title: d.title.trim() === '' ? null : d.title });

/** Name, e-mail, title and board membership, each with the server's message. */
export function PersonFields({ prefix, draft, error, onChange }: { prefix: string; draft: PersonDraft; error: ApiError | null; onChange: (d: PersonDraft) => void }) {
  return (
    <>
      <Field id={`${prefix}-name`} label="Name" error={error} path="name">
        {(p) => <input {...p} autoComplete="off" value={draft.name} onChange={(e) => onChange({ ...draft, name: e.target.value })} />}
      </Field>
      <Field id={`${prefix}-email`} label="E-mail" error={error} path="email">
        {(p) => <input {...p} type="email" autoComplete="off" value={draft.email} onChange={(e) => onChange({ ...draft, email: e.target.value })} />}
      </Field>
      <Field id={`${prefix}-title`} label="Title" error={error} path="title">
        {(p) => <input {...p} value={draft.title} onChange={(e) => onChange({ ...draft, title: e.target.value })} />}
      </Field>
      <Field id={`${prefix}-board`} label="Board member (receives board escalations and decision requests)" error={error} path="boardMember" check>
        {(p) => <input {...p} type="checkbox" checked={draft.boardMember} onChange={(e) => onChange({ ...draft, boardMember: e.target.checked })} />}
      </Field>
    </>
  );
}
