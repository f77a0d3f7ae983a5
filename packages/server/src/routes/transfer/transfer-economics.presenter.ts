import { TransferCostItem, type TransferCostModel, type TransferGatePlan } from '@handoff/contract';
import type { WorkspaceRows } from '../../db/repos/transfer.repo.js';

/**
 * The plan and economics sections of the transfer document (format version 3). Key order here is the
 * key order of the JSON. Money and rates are the numeric columns' decimal strings, untouched (at the
 * column's scale, e.g. "12500.000000"): reformatting them would break the byte-identical round trip.
 */

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function presentGatePlans(rows: WorkspaceRows['gatePlans']): TransferGatePlan[] {
  return rows.map((p) => ({ programId: p.program_id, gate: p.gate, plannedDate: p.planned_date, updatedAt: p.updated_at.toISOString() }));
}

export function presentCostModels(rows: WorkspaceRows['costModels']): TransferCostModel[] {
  return rows.map((m) => ({
    programId: m.program_id,
    currency: m.currency,
    horizonMonths: m.horizon_months,
    discountRate: m.discount_rate,
    createdAt: m.created_at.toISOString(),
    updatedAt: m.updated_at.toISOString(),
    version: m.version,
  }));
}

export function presentCostItems(rows: WorkspaceRows['costItems']): TransferCostItem[] {
  return rows.map((c) => ({
    id: c.id,
    programId: c.program_id,
    side: c.side,
    label: c.label,
    // Stored as text; the export names one of the known categories or fails loudly.
    category: TransferCostItem.shape.category.parse(c.category),
    scope: c.scope,
    recurrence: c.recurrence,
    amount: c.amount,
    startMonth: c.start_month,
    endMonth: c.end_month,
    retiredAt: iso(c.retired_at),
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    version: c.version,
  }));
}
