/**
 * Shapes the UI works with that are not API responses (those are in contract.ts), and the mapping from the
 * API's shapes to them.
 */
import type { AddressSuggestionList, CategoryTree, PublicReportStatus } from './contract.ts';

export type LonLat = [number, number];

export interface CategoryOption {
  code: string;
  nameNl: string;
  nameEn: string;
}

export interface CategoryGroup extends CategoryOption {
  children: CategoryOption[];
}

/** A suggestion names an address; its point comes from GET /api/v1/addresses/{id} once chosen. */
export type AddressSuggestion = AddressSuggestionList['items'][number];

export interface PublicReport {
  trackingCode: string;
  status: PublicReportStatus['status'];
  categoryName: string | null;
  createdAt: string;
  updatedAt: string | null;
  deadline: string | null;
  closedAt: string | null;
  /** The latest explanation written for the reporter, with its moment. */
  reporterText: { text: string; at: string } | null;
}

const option = ({ code, nameNl, nameEn }: CategoryOption): CategoryOption => ({ code, nameNl, nameEn });

/** The public category tree: main categories with their subcategories (the codes a report takes). */
export function toCategoryGroups(tree: CategoryTree): CategoryGroup[] {
  return tree.categories
    .map((main) => ({ ...option(main), children: main.subcategories.map(option) }))
    .filter((group) => group.children.length > 0);
}

export function toAddressSuggestions(list: AddressSuggestionList): AddressSuggestion[] {
  return list.items.filter((item) => item.label && item.id).map(({ id, label }) => ({ id, label }));
}

export function toPublicReport(body: PublicReportStatus): PublicReport {
  return {
    trackingCode: body.trackingCode,
    status: body.status,
    categoryName: body.category.name || null,
    createdAt: body.createdAt,
    updatedAt: body.updatedAt,
    deadline: body.deadline,
    closedAt: body.closedAt,
    reporterText: body.reporterText,
  };
}
