/**
 * The calls of the outbox, partner-channel and single sign-on screens. Their shapes are written out here (this
 * work kept api/contract.ts untouched to merge cleanly); they mirror src/domain/outbox/schemas.ts and the people
 * schemas, and belong in contract.ts as `Out<typeof …>` when that file is next edited.
 */
import { apiGet, apiPatchJson, apiPutJson } from './client.ts';
import type { Team } from './contract.ts';

export interface OutboxStatus {
  mailEnabled: boolean;
  pending: number;
  failed: number;
  oldestPendingAt: string | null;
}
export interface FailedDelivery {
  id: string;
  channel: 'email' | 'webhook';
  template: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  reportId: string | null;
}
export interface FailedDeliveryPage {
  items: FailedDelivery[];
  nextCursor: string | null;
}
export type ChannelKind = 'workspace' | 'email' | 'webhook';
export interface PartnerChannel {
  channel: ChannelKind;
  email: string | null;
  webhookUrl: string | null;
  webhookSecretSet: boolean;
}
export interface PartnerChannelBody {
  channel: ChannelKind;
  email?: string;
  webhookUrl?: string;
  webhookSecret?: string;
}
export type TeamContact = NonNullable<Team['contact']>;
export const mappableRoles = [
  'officer',
  'coordinator',
  'team_manager',
  'analyst',
  'contact_centre',
  'administrator',
] as const;
export type MappableRole = (typeof mappableRoles)[number];
export interface RoleMapping {
  claimValue: string;
  role: MappableRole;
}

export const getOutboxStatus = () => apiGet<OutboxStatus>('/api/v1/outbox/status');
export const listFailedDeliveries = (cursor: string | null) =>
  apiGet<FailedDeliveryPage>(`/api/v1/outbox/failed?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);

const channelPath = (partnerId: string) => `/api/v1/partners/${encodeURIComponent(partnerId)}/delivery-channel`;
export const getPartnerChannel = (partnerId: string) => apiGet<PartnerChannel>(channelPath(partnerId));
export const setPartnerChannel = (partnerId: string, body: PartnerChannelBody) =>
  apiPutJson<PartnerChannel>(channelPath(partnerId), body);
export const setTeamContact = (team: Team, contact: TeamContact | null) =>
  apiPatchJson<Team>(`/api/v1/teams/${encodeURIComponent(team.id)}`, { name: team.name, contact });

export const getRoleMappings = () =>
  apiGet<{ municipalityCode: string; mappings: RoleMapping[] }>('/api/v1/oidc/role-mappings');
export const putRoleMappings = (mappings: RoleMapping[]) =>
  apiPutJson<{ municipalityCode: string; mappings: RoleMapping[] }>('/api/v1/oidc/role-mappings', { mappings });
