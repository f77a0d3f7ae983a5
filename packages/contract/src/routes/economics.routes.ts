import { createRoute } from '@hono/zod-openapi';
import { IfMatchHeaders } from '../schemas/common.js';
import {
  CostItem, CostItemList, CostItemParams, CostItemRetire, CostItemUpdate, CostItemsBody, CostModel, CostModelPut, Economics, EconomicsQuery,
} from '../schemas/economics.js';
import { problems } from '../schemas/problem.js';
import { EtagHeader, IdParams, json, jsonBody } from './shared.js';

export const putCostModel = createRoute({
  method: 'put',
  path: '/api/programs/{id}/cost-model',
  tags: ['Economics'],
  summary: "Create or change a program's cost model (currency, horizon, discount rate)",
  description:
    'Answers 201 when it creates the model, 200 when it changes it (`If-Match` honoured). Changes are kept in the program’s history ' +
    'as `costModel.*`. The currency cannot change while active items exist: their amounts are in the old one.',
  request: { params: IdParams, headers: IfMatchHeaders, body: jsonBody(CostModelPut) },
  responses: {
    200: { ...json(CostModel, 'Changed.'), headers: EtagHeader },
    201: { ...json(CostModel, 'Created.'), headers: EtagHeader },
    ...problems(400, 404, 409, 412, 413, 415),
  },
});

export const createCostItems = createRoute({
  method: 'post',
  path: '/api/programs/{id}/cost-items',
  tags: ['Economics'],
  summary: 'Add one cost or benefit item, or a batch of up to 1,000 (all or nothing)',
  description:
    'Amounts are read exactly (docs/ECONOMICS.md); a bad one is named by its field (`amount`, or `items.3.amount` in a batch) and ' +
    "nothing is stored. An item in another currency than the model's is refused. The program needs a cost model first (409).",
  request: { params: IdParams, body: jsonBody(CostItemsBody) },
  responses: { 201: json(CostItemList, 'The created items, in request order.'), ...problems(400, 404, 409, 413, 415) },
});

export const getCostItem = createRoute({
  method: 'get',
  path: '/api/cost-items/{id}',
  tags: ['Economics'],
  summary: 'One cost or benefit item, retired ones included',
  request: { params: CostItemParams },
  responses: { 200: { ...json(CostItem, 'The item.'), headers: EtagHeader }, ...problems(400, 404) },
});

export const updateCostItem = createRoute({
  method: 'patch',
  path: '/api/cost-items/{id}',
  tags: ['Economics'],
  summary: 'Change an active item; each changed field is kept in its history',
  request: { params: CostItemParams, headers: IfMatchHeaders, body: jsonBody(CostItemUpdate) },
  responses: { 200: { ...json(CostItem, 'Updated.'), headers: EtagHeader }, ...problems(400, 404, 409, 412, 413, 415) },
});

export const retireCostItem = createRoute({
  method: 'post',
  path: '/api/cost-items/{id}/retire',
  tags: ['Economics'],
  summary: 'Retire an item: it no longer counts; it and its history stay',
  request: { params: CostItemParams, headers: IfMatchHeaders, body: jsonBody(CostItemRetire) },
  responses: { 200: { ...json(CostItem, 'Retired.'), headers: EtagHeader }, ...problems(400, 404, 409, 412, 413, 415) },
});

export const getEconomics = createRoute({
  method: 'get',
  path: '/api/programs/{id}/economics',
  tags: ['Economics'],
  summary: 'TCO, NPV and payback of the pilot and production business cases side by side, and whether it is pilot economics',
  description:
    'Computed from the active items. Without a cost model the answer is still 200, with `model: null` and basis `no-cost-model`, ' +
    'so a brief can say what is missing.',
  request: { params: IdParams, query: EconomicsQuery },
  responses: { 200: json(Economics, 'The economics of the program.'), ...problems(400, 404) },
});
