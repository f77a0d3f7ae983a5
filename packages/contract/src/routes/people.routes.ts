import { createRoute } from '@hono/zod-openapi';
import { IfMatchHeaders, PageQuery } from '../schemas/common.js';
import { HistoryPage } from '../schemas/constraints.js';
import { Person, PersonCreate, PersonListQuery, PersonPage, PersonUpdate } from '../schemas/people.js';
import { problems } from '../schemas/problem.js';
import { EtagHeader, IdParams, json, jsonBody } from './shared.js';

export const createPerson = createRoute({
  method: 'post',
  path: '/api/people',
  tags: ['People'],
  summary: 'Add a person (a named individual who can own constraints and roles)',
  request: { body: jsonBody(PersonCreate) },
  responses: { 201: { ...json(Person, 'Created.'), headers: EtagHeader }, ...problems(400, 409, 413, 415) },
});

export const listPeople = createRoute({
  method: 'get',
  path: '/api/people',
  tags: ['People'],
  summary: 'List people, by name',
  request: { query: PersonListQuery },
  responses: { 200: json(PersonPage, 'A page of people.'), ...problems(400) },
});

export const getPerson = createRoute({
  method: 'get',
  path: '/api/people/{id}',
  tags: ['People'],
  summary: 'One person',
  request: { params: IdParams },
  responses: { 200: { ...json(Person, 'The person.'), headers: EtagHeader }, ...problems(400, 404) },
});

export const updatePerson = createRoute({
  method: 'patch',
  path: '/api/people/{id}',
  tags: ['People'],
  summary: 'Change a person',
  request: { params: IdParams, headers: IfMatchHeaders, body: jsonBody(PersonUpdate) },
  responses: { 200: { ...json(Person, 'Updated.'), headers: EtagHeader }, ...problems(400, 404, 409, 412, 413, 415) },
});

export const getPersonHistory = createRoute({
  method: 'get',
  path: '/api/people/{id}/history',
  tags: ['People'],
  summary: 'Every change to the person: who, when, field, before, after; oldest first',
  request: { params: IdParams, query: PageQuery },
  responses: { 200: json(HistoryPage, 'A page of history entries.'), ...problems(400, 404) },
});
