import { routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';
import { presentAgenda, presentReview, presentReviewSummary } from './reviews.presenter.js';

export function registerReviewRoutes(app: Api, { reviews }: Services): void {
  app.openapi(routes.getReviewAgenda, async (c) => c.json(presentAgenda(await reviews.agenda(c.var.actor, c.req.valid('param').id)), 200));

  app.openapi(routes.createReview, async (c) => {
    const actor = c.var.actor;
    const id = await reviews.record(actor, c.req.valid('param').id, c.req.valid('json'));
    const { review, items } = await reviews.get(actor, id);
    return c.json(presentReview(review, items), 201, { Location: `/api/reviews/${id}` });
  });

  app.openapi(routes.listProgramReviews, async (c) => {
    const page = await reviews.list(c.var.actor, c.req.valid('param').id, c.req.valid('query'));
    return c.json({ items: page.rows.map((r) => presentReviewSummary(r, page.counts)), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.getReview, async (c) => {
    const { review, items } = await reviews.get(c.var.actor, c.req.valid('param').id);
    return c.json(presentReview(review, items), 200);
  });
}
