import { createRoute, z } from '@hono/zod-openapi';
import { CalendarDate } from '../schemas/common.js';
import { problems } from '../schemas/problem.js';

/** Media types of the board pack. */
export const MARKDOWN = 'text/markdown';
export const PDF = 'application/pdf';

export const BoardPackFormat = z.enum(['md', 'pdf']).openapi('BoardPackFormat');
export type BoardPackFormat = z.infer<typeof BoardPackFormat>;

export const BoardPackQuery = z.object({
  date: CalendarDate.optional().openapi({ description: 'The board meeting (YYYY-MM-DD); default today in the workspace time zone. Decisions due before it show as overdue.' }),
  format: BoardPackFormat.optional().openapi({ description: 'md or pdf; without it, the Accept header chooses (application/pdf), else Markdown.' }),
});
export type BoardPackQuery = z.infer<typeof BoardPackQuery>;

export const getBoardPack = createRoute({
  method: 'get', path: '/api/board-pack', tags: ['Brief'],
  summary: 'The board pack for a date: every pending decision, the portfolio and each program\'s brief, as Markdown or PDF',
  description: 'Decisions first (context, options, recommended action, due date), then the portfolio summary, shared constraints and one ' +
    'section per program: its four answers, readiness per dimension and the production forecast against the target (docs/BOARD-PACK.md). ' +
    'The PDF carries a readiness bar chart and a forecast chart per program; it is served as an attachment named board-pack-YYYY-MM-DD.pdf.',
  request: { query: BoardPackQuery },
  responses: {
    200: {
      description: 'The board pack.',
      content: {
        [`${MARKDOWN}; charset=utf-8`]: { schema: z.string() },
        [PDF]: { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...problems(400, 409),
  },
});
