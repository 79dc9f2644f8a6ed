import type { MilestoneReport } from './entities/milestone-report.entity.js';

/** A strong validator: it changes with every write to the report. */
export function reportEtag(report: Pick<MilestoneReport, 'id' | 'version'>): string {
  return `"${report.id}.${report.version}"`;
}

/**
 * RFC 9110 If-Match: `*` matches any existing representation; otherwise one of a
 * comma-separated list of entity tags must match exactly (weak tags never match).
 */
export function ifMatchSatisfied(header: string, currentEtag: string | null): boolean {
  if (currentEtag === null) return false;
  const value = header.trim();
  if (value === '*') return true;
  return value
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === currentEtag);
}
