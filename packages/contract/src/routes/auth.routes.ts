import { createRoute, z } from '@hono/zod-openapi';
import {
  Account, AccountCreate, AccountListQuery, AccountPage, AccountUpdate, AuthProviders, Me, PasswordChange, ProgramMember,
  ProgramMemberList, SignInRequest, SignInResult,
} from '../schemas/auth.js';
import { Id, IdOrKey, IfMatchHeaders } from '../schemas/common.js';
import { problems } from '../schemas/problem.js';
import { EtagHeader, IdParams, json, jsonBody } from './shared.js';

const MemberParams = z.object({
  id: IdOrKey.openapi({ param: { name: 'id', in: 'path' } }),
  personId: Id.openapi({ param: { name: 'personId', in: 'path' } }),
});
const AccountParams = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });
const SetCookie = { 'Set-Cookie': { description: 'The session cookie (HttpOnly, SameSite=Lax, Path=/; Secure over TLS).', schema: { type: 'string' as const } } };

export const signIn = createRoute({
  method: 'post',
  path: '/api/auth/sign-in',
  tags: ['Accounts'],
  summary: 'Sign in with e-mail and password; starts a session (cookie) and returns its CSRF token',
  description: 'One answer (401) for an unknown e-mail, a wrong password and a disabled account. Five failures per e-mail or twenty per address in 15 minutes answer 429 with Retry-After.',
  request: { body: jsonBody(SignInRequest) },
  responses: { 200: { ...json(SignInResult, 'Signed in.'), headers: SetCookie }, ...problems(400, 401, 413, 415, 429) },
});

export const signOut = createRoute({
  method: 'post',
  path: '/api/auth/sign-out',
  tags: ['Accounts'],
  summary: 'End this session and clear its cookie',
  responses: { 204: { description: 'Signed out.' }, ...problems(401, 403) },
});

export const getAuthProviders = createRoute({
  method: 'get',
  path: '/api/auth/providers',
  tags: ['Accounts'],
  summary: 'How one can sign in: password, and single sign-on when configured',
  responses: { 200: json(AuthProviders, 'The ways to sign in.') },
});

export const getMe = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['Accounts'],
  summary: 'The signed-in account, its session and what it may do in the workspace',
  responses: { 200: json(Me, 'The caller.'), ...problems(401, 403) },
});

export const changePassword = createRoute({
  method: 'post',
  path: '/api/me/password',
  tags: ['Accounts'],
  summary: "Change one's password; every other session of the account ends",
  request: { body: jsonBody(PasswordChange) },
  responses: { 204: { description: 'Changed.' }, ...problems(400, 401, 403, 413, 415, 429) },
});

export const listAccounts = createRoute({
  method: 'get',
  path: '/api/accounts',
  tags: ['Accounts'],
  summary: 'List the accounts of the workspace, by e-mail',
  request: { query: AccountListQuery },
  responses: { 200: json(AccountPage, 'A page of accounts.'), ...problems(400, 401, 403) },
});

export const createAccount = createRoute({
  method: 'post',
  path: '/api/accounts',
  tags: ['Accounts'],
  summary: 'Create an account (linked to the person with the same e-mail unless told otherwise)',
  request: { body: jsonBody(AccountCreate) },
  responses: { 201: { ...json(Account, 'Created.'), headers: EtagHeader }, ...problems(400, 401, 403, 409, 413, 415) },
});

export const updateAccount = createRoute({
  method: 'patch',
  path: '/api/accounts/{id}',
  tags: ['Accounts'],
  summary: "Change an account's role, person or disabled state; a role change or disabling ends its sessions",
  request: { params: AccountParams, headers: IfMatchHeaders, body: jsonBody(AccountUpdate) },
  responses: { 200: { ...json(Account, 'Updated.'), headers: EtagHeader }, ...problems(400, 401, 403, 404, 409, 412, 413, 415) },
});

export const listProgramMembers = createRoute({
  method: 'get',
  path: '/api/programs/{id}/members',
  tags: ['Programs'],
  summary: "The program's listed members (contributors edit the constraints of programs they are members of)",
  request: { params: IdParams },
  responses: { 200: json(ProgramMemberList, 'The members, by name.'), ...problems(400, 401, 404) },
});

export const putProgramMember = createRoute({
  method: 'put',
  path: '/api/programs/{id}/members/{personId}',
  tags: ['Programs'],
  summary: 'Make a person a member of the program (idempotent)',
  request: { params: MemberParams },
  responses: { 200: json(ProgramMember, 'The membership.'), ...problems(400, 401, 403, 404) },
});

export const deleteProgramMember = createRoute({
  method: 'delete',
  path: '/api/programs/{id}/members/{personId}',
  tags: ['Programs'],
  summary: 'Remove a person from the program',
  request: { params: MemberParams },
  responses: { 204: { description: 'Removed.' }, ...problems(400, 401, 403, 404) },
});
