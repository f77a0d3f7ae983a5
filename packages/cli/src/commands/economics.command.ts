import { CostItemList, CostModel, Economics, type ScopeEconomics } from '@handoff/contract';
import { BENEFIT_CATEGORIES, COST_CATEGORIES, ECONOMIC_SCOPES, MAX_HORIZON_MONTHS, RECURRENCES } from '@handoff/core';
import type { Command } from 'commander';
import { getAs, parseAs, requestJson } from '../api-call.js';
import { withClient, withClientOptions } from '../client-options.js';
import { choiceOption, integer, readOptions } from '../options.js';
import { printJson, printLine, printTable } from '../output/print.js';

const programPath = (key: string, rest: string): string => `/api/programs/${encodeURIComponent(key)}/${rest}`;

/** One line of the side-by-side table: a cost category, a total, NPV or payback, pilot next to production. */
interface SideBySide {
  readonly line: string;
  readonly pilot: string;
  readonly production: string;
}

function sideBySide(pilot: ScopeEconomics, production: ScopeEconomics): SideBySide[] {
  const payback = (s: ScopeEconomics): string => (s.paybackMonth === null ? 'never' : `month ${s.paybackMonth}`);
  return [
    ...pilot.tcoByCategory.map((c, i) => ({ line: c.category, pilot: c.total, production: production.tcoByCategory[i]?.total ?? '-' })),
    { line: 'TCO', pilot: pilot.tco, production: production.tco },
    { line: 'benefits', pilot: pilot.benefits, production: production.benefits },
    { line: 'net', pilot: pilot.net, production: production.net },
    { line: 'NPV', pilot: pilot.npv, production: production.npv },
    { line: 'payback', pilot: payback(pilot), production: payback(production) },
  ];
}

function showEconomics(e: Economics): void {
  if (!e.model || !e.pilot || !e.production) {
    printLine(`${e.programKey}: NO COST MODEL: economic readiness cannot be met. Start one with \`handoff economics model ${e.programKey} --currency GBP\`.`);
    return;
  }
  const rate = `${(Number(e.discountRate) * 100).toLocaleString('en', { maximumFractionDigits: 4 })} % a year`;
  printLine(`${e.programKey}: ${e.currency}, ${e.horizonMonths} months from go-live, discounted at ${rate}`);
  if (e.basis === 'pilot-economics') printLine(`!! PILOT ECONOMICS: production costs have no ${e.missing.join(', ')} costs; economic readiness stays unmet`);
  printTable(sideBySide(e.pilot, e.production), [
    { header: 'CATEGORY', value: (r) => r.line, shrink: false },
    { header: 'PILOT', value: (r) => r.pilot, align: 'right', shrink: false },
    { header: 'PRODUCTION', value: (r) => r.production, align: 'right', shrink: false },
  ]);
  if (e.pilotHides.length > 0) printLine(`the pilot hides: ${e.pilotHides.map((c) => `${c.category} ${c.total}`).join(', ')}`);
  if (e.basis === 'production-economics') printLine('production economics: adoption, monitoring, governance and workforce support are all costed');
}

/** Registers `add-cost` or `add-benefit`: one item through POST /api/programs/{id}/cost-items. */
function registerAddItem(economics: Command, side: 'cost' | 'benefit', categories: readonly string[]): void {
  withClientOptions(economics.command(`add-${side}`).description(`add a ${side} line to a program's cost model`)
    .argument('<program>', 'program key or id')
    .requiredOption('--label <text>', 'what it is')
    .addOption(choiceOption('--category <category>', 'category', categories).makeOptionMandatory())
    .addOption(choiceOption('--scope <scope>', 'pilot (the pilot business case) or production (as it will run)', ECONOMIC_SCOPES).makeOptionMandatory())
    .addOption(choiceOption('--recurrence <recurrence>', 'one-off, monthly or yearly', RECURRENCES).makeOptionMandatory())
    .requiredOption('--amount <decimal>', 'due at each occurrence, a plain decimal such as 12500.00')
    .option('--start <month>', 'first month, 0 = go-live (default 0)', integer(0, 1_200))
    .option('--end <month>', 'last month it may fall due (default: to the horizon)', integer(0, 1_200)))
    .action(async (programKey: string, _options: unknown, command: Command) => {
      const o = readOptions(command);
      const body = {
        side, label: o.required('label', '--label'), category: o.required('category', '--category'), scope: o.required('scope', '--scope'),
        recurrence: o.required('recurrence', '--recurrence'), amount: o.required('amount', '--amount'),
        ...(o.number('start') !== undefined ? { startMonth: o.number('start') } : {}),
        ...(o.number('end') !== undefined ? { endMonth: o.number('end') } : {}),
      };
      const { items } = await withClient(command, async (client) =>
        parseAs(CostItemList, await requestJson(client, 'POST', programPath(programKey, 'cost-items'), body), 'cost items'));
      if (o.flag('json')) return printJson(items);
      for (const i of items) printLine(`added ${i.scope} ${i.side} "${i.label}" (${i.category}): ${i.currency} ${i.amount} ${i.recurrence}`);
    });
}

/**
 * `handoff economics PROGRAM` (pilot vs production side by side, NPV, payback, the pilot-economics flag),
 * `handoff economics model PROGRAM --currency`, `add-cost` and `add-benefit`.
 */
export function registerEconomics(program: Command): void {
  const economics = program.command('economics').description("a program's production economics: TCO, NPV, payback, pilot vs production");

  withClientOptions(economics.command('show', { isDefault: true }).description('pilot and production side by side (`handoff economics PROGRAM`)')
    .argument('<program>', 'program key or id')
    .option('--horizon <months>', "override the model's horizon", integer(1, MAX_HORIZON_MONTHS))
    .option('--rate <fraction>', "override the model's annual discount rate (0.08 = 8 %)"))
    .action(async (programKey: string, _options: unknown, command: Command) => {
      const o = readOptions(command);
      const query = new URLSearchParams();
      if (o.number('horizon') !== undefined) query.set('horizonMonths', String(o.number('horizon')));
      if (o.string('rate') !== undefined) query.set('discountRate', o.string('rate') ?? '');
      if (o.flag('json')) query.set('cashFlow', 'true');
      const e = await withClient(command, (client) => getAs(client, `${programPath(programKey, 'economics')}?${query.toString()}`, Economics, 'economics'));
      if (o.flag('json')) return printJson(e);
      showEconomics(e);
    });

  withClientOptions(economics.command('model').description("create or change a program's cost model")
    .argument('<program>', 'program key or id')
    .requiredOption('--currency <code>', 'currency of every item, e.g. GBP')
    .option('--horizon <months>', `months the figures cover (default 36, at most ${MAX_HORIZON_MONTHS})`, integer(1, MAX_HORIZON_MONTHS))
    .option('--rate <fraction>', 'annual discount rate (default 0.08 = 8 %)'))
    .action(async (programKey: string, _options: unknown, command: Command) => {
      const o = readOptions(command);
      const body = {
        currency: o.required('currency', '--currency'),
        ...(o.number('horizon') !== undefined ? { horizonMonths: o.number('horizon') } : {}),
        ...(o.string('rate') !== undefined ? { discountRate: o.string('rate') } : {}),
      };
      const model = await withClient(command, async (client) =>
        parseAs(CostModel, await requestJson(client, 'PUT', programPath(programKey, 'cost-model'), body), 'cost model'));
      if (o.flag('json')) return printJson(model);
      printLine(`${model.programKey} cost model: ${model.currency}, ${model.horizonMonths} months, discount rate ${model.discountRate}`);
    });

  registerAddItem(economics, 'cost', COST_CATEGORIES);
  registerAddItem(economics, 'benefit', BENEFIT_CATEGORIES);
}
