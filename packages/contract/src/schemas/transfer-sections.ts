import type { TransferFields } from './transfer.js';

/**
 * The list sections of the transfer document, by the format version that added them. An import's
 * summary counts each of them; an older document must not carry a later version's sections.
 */

/** Sections every version has. */
export const TRANSFER_V1_SECTIONS = ['people', 'programs', 'constraints', 'dependencies', 'history'] as const;

/** Sections added by format version 2; a version-1 document has none of them (they read as empty). */
export const TRANSFER_V2_SECTIONS = [
  'escalationPolicies', 'escalations', 'escalationEvents', 'decisions', 'notificationChannels', 'inboxItems', 'digests', 'reviews', 'reviewItems',
] as const;

/** Sections added by format version 3 (readiness, ownership, monitoring, plans, economics); older documents read them as empty. */
export const TRANSFER_V3_SECTIONS = [
  'criteria', 'assessments', 'gateOverrides', 'governanceRoles', 'programRoles', 'monitors', 'monitorReadings', 'alertEvents',
  'gatePlans', 'costModels', 'costItems',
] as const;

/** Every list section, in document order. */
export const TRANSFER_SECTIONS = [...TRANSFER_V1_SECTIONS, ...TRANSFER_V2_SECTIONS, ...TRANSFER_V3_SECTIONS] as const satisfies readonly (keyof TransferFields)[];
export type TransferSection = (typeof TRANSFER_SECTIONS)[number];

/** The sections a document of `version` must leave out (they read as empty). */
export function sectionsAfter(version: number): readonly TransferSection[] {
  if (version <= 1) return [...TRANSFER_V2_SECTIONS, ...TRANSFER_V3_SECTIONS];
  if (version === 2) return TRANSFER_V3_SECTIONS;
  return [];
}
