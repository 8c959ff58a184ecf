/** The pages behind the links in e-mails to reporters (feedback, answers): the signed token is the key, no login. */
import { apiGet, apiPostJson } from './client.ts';
import type { AnswerBody, AnswerForm, AnswerReceipt, FeedbackBody, FeedbackForm, FeedbackReceipt } from './contract.ts';

const feedbackPath = (token: string) => `/api/v1/public/feedback/${encodeURIComponent(token)}`;
const answerPath = (token: string) => `/api/v1/public/answers/${encodeURIComponent(token)}`;

export const feedbackForm = (token: string, signal?: AbortSignal) => apiGet<FeedbackForm>(feedbackPath(token), signal);
export const sendFeedback = (token: string, body: FeedbackBody) =>
  apiPostJson<FeedbackReceipt>(feedbackPath(token), body);
export const answerForm = (token: string, signal?: AbortSignal) => apiGet<AnswerForm>(answerPath(token), signal);
export const sendAnswer = (token: string, body: AnswerBody) => apiPostJson<AnswerReceipt>(answerPath(token), body);
