import { useState } from 'react';

/** Today in the browser's time zone (YYYY-MM-DD): the default meeting date and the day decisions fall overdue after. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The board pack for a chosen meeting date (default today), as PDF or Markdown (GET /api/board-pack). */
export function BoardPack() {
  const [date, setDate] = useState(today);
  const query = (format: 'pdf' | 'md') => `/api/board-pack?${new URLSearchParams({ ...(date ? { date } : {}), format }).toString()}`;
  return (
    <div className="toolbar board-pack">
      <div className="field">
        <label htmlFor="board-pack-date">Board meeting</label>
        <input id="board-pack-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      <a className="button" href={query('pdf')} download>Download the board pack (PDF)</a>
      <a href={query('md')} download>Markdown version</a>
    </div>
  );
}
