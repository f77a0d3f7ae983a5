import { z } from '@hono/zod-openapi';
import { ACCOUNT_ROLES } from '@handoff/core';
import { Email, Id, PageQuery, PersonRef, Timestamp, Version, pageOf } from './common.js';

/** Accounts, sign-in and program members (docs/SECURITY.md, "Accounts and sign-in"). */

export const AccountRoleSchema = z.enum(ACCOUNT_ROLES).openapi({ description: 'What the account may do (docs/SECURITY.md).', example: 'owner' });

/** A new password: the length bounds here, the rest of the policy (not the e-mail, not a common one) on the server. */
const NewPassword = z.string().min(12, 'must be at least 12 characters').max(256, 'must be at most 256 characters')
  .openapi({ description: '12 to 256 characters; not the e-mail address; not one of the most common passwords.' });

export const Account = z
  .object({
    id: Id,
    email: z.string().openapi({ example: 'amara.okafor@example.com' }),
    role: AccountRoleSchema,
    person: PersonRef.nullable().openapi({ description: 'The portfolio person this account acts as (owner, member, escalation target).' }),
    disabled: z.boolean(),
    signIn: z.object({ password: z.boolean(), oidc: z.boolean() }).openapi({ description: 'Which ways of signing in the account has.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('Account');
export type Account = z.infer<typeof Account>;

export const AccountPage = pageOf(Account, 'AccountPage');
export type AccountPage = z.infer<typeof AccountPage>;
export const AccountListQuery = PageQuery;

export const AccountCreate = z
  .strictObject({
    email: Email,
    role: AccountRoleSchema,
    password: NewPassword.optional().openapi({ description: 'Omit for an account that signs in only with single sign-on.' }),
    personId: Id.optional().openapi({ description: 'The person the account acts as; default: the person with the same e-mail, if any.' }),
  })
  .openapi('AccountCreate');
export type AccountCreate = z.infer<typeof AccountCreate>;

export const AccountUpdate = z
  .strictObject({
    role: AccountRoleSchema.optional(),
    disabled: z.boolean().optional().openapi({ description: 'A disabled account cannot sign in; its sessions end.' }),
    personId: Id.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'must change at least one field' })
  .openapi('AccountUpdate');
export type AccountUpdate = z.infer<typeof AccountUpdate>;

export const SignInRequest = z
  .strictObject({
    email: Email,
    password: z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters'),
  })
  .openapi('SignInRequest');
export type SignInRequest = z.infer<typeof SignInRequest>;

export const SignInResult = z
  .object({
    account: Account,
    csrfToken: z.string().openapi({ description: 'Send it back in the `x-csrf-token` header on every write made with the session cookie.' }),
    expiresAt: Timestamp.openapi({ description: 'When the session ends at the latest (it also ends after a spell of inactivity).' }),
  })
  .openapi('SignInResult');
export type SignInResult = z.infer<typeof SignInResult>;

export const Me = z
  .object({
    account: Account.nullable().openapi({ description: 'Null for the in-process operator (the CLI on a data directory).' }),
    expiresAt: Timestamp.nullable().openapi({ description: "The session's latest end." }),
    csrfToken: z.string().nullable(),
    canAdmin: z.boolean().openapi({ description: 'Workspace settings, people, policies, accounts, tokens.' }),
    canDecide: z.boolean().openapi({ description: 'Record board decisions.' }),
    canCreateProgram: z.boolean(),
  })
  .openapi('Me');
export type Me = z.infer<typeof Me>;

export const PasswordChange = z
  .strictObject({ currentPassword: z.string().min(1, 'must not be empty').max(1024), newPassword: NewPassword })
  .openapi('PasswordChange');
export type PasswordChange = z.infer<typeof PasswordChange>;

export const AuthProviders = z
  .object({
    password: z.literal(true),
    oidc: z.object({ name: z.string(), startUrl: z.string() }).nullable().openapi({ description: 'Single sign-on, when configured.' }),
  })
  .openapi('AuthProviders');
export type AuthProviders = z.infer<typeof AuthProviders>;

export const ProgramMember = z
  .object({ person: PersonRef, addedAt: Timestamp })
  .openapi('ProgramMember');
export type ProgramMember = z.infer<typeof ProgramMember>;

export const ProgramMemberList = z.object({ items: z.array(ProgramMember) }).openapi('ProgramMemberList');
export type ProgramMemberList = z.infer<typeof ProgramMemberList>;
