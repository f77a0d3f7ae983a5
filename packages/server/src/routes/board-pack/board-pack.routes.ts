import { boardPackMarkdown } from '@handoff/core';
import { routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';
import { renderBoardPackPdf } from './board-pack-pdf.presenter.js';

/** The format asked for: `format` wins; otherwise an Accept header naming application/pdf (and not Markdown first) gets the PDF. */
function chosenFormat(format: 'md' | 'pdf' | undefined, accept: string | undefined): 'md' | 'pdf' {
  if (format) return format;
  return accept !== undefined && accept.includes(routes.PDF) && !accept.includes(routes.MARKDOWN) ? 'pdf' : 'md';
}

export function registerBoardPackRoutes(app: Api, { boardPack }: Services): void {
  app.openapi(routes.getBoardPack, async (c) => {
    const query = c.req.valid('query');
    const pack = await boardPack.pack(c.var.actor, query.date);
    const name = `board-pack-${pack.date}`;
    if (chosenFormat(query.format, c.req.header('Accept')) === 'pdf') {
      const pdf = await renderBoardPackPdf(pack);
      return c.body(pdf, 200, {
        'Content-Type': routes.PDF, 'Content-Disposition': `attachment; filename="${name}.pdf"`,
      });
    }
    return c.body(boardPackMarkdown(pack), 200, {
      'Content-Type': `${routes.MARKDOWN}; charset=utf-8`, 'Content-Disposition': `inline; filename="${name}.md"`,
    });
  });
}
