/** The staff session: an httpOnly cookie set by POST /sessions that the UI never reads. */
import { apiDelete, apiGet, apiPostJson } from './client.ts';
import type { LoginBody, LoginResponse, StaffUser } from './contract.ts';

export const currentStaffUser = () => apiGet<StaffUser>('/api/v1/me');

export const signIn = (body: LoginBody) => apiPostJson<LoginResponse>('/api/v1/sessions', body);

export const signOut = () => apiDelete('/api/v1/sessions/current');
