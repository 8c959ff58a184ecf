/** What the analysis routes share: who may read, tags and the problem responses. */
import type { Role } from '../people/index.ts';
import { problemSchema } from '../../http/route-kit.ts';

/** Who reads the analysis: the analyst and those who plan with it. Nothing here is public. */
export const analysisReaders: readonly Role[] = ['analyst', 'coordinator', 'team_manager', 'administrator'];
export const tags = ['analysis'];
export const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
