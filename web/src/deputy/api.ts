import type * as Cases from '../../../shared/contracts/cases.ts';
import type { listDeputiesRoute } from '../../../shared/contracts/deputies.ts';
import type * as Media from '../../../shared/contracts/media.ts';
import type * as Notes from '../../../shared/contracts/notifications.ts';
import type { listDepartmentsRoute } from '../../../shared/contracts/registry.ts';
import type * as Suggestions from '../../../shared/contracts/suggestions.ts';
import { enc, type HttpClient } from '../shared/api.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../shared/api-types.ts';

export type CaseView = ResponseOf<typeof Cases.getCaseRoute>;
export type CaseList = ResponseOf<typeof Cases.listCasesRoute>;
export type CreatedCase = ResponseOf<typeof Cases.submitCaseRoute>;
export type CaseTimeline = ResponseOf<typeof Cases.getCaseTimelineRoute>;
export type CaseComment = ResponseOf<typeof Cases.addCaseCommentRoute>;
export type SubmitCaseBody = BodyOf<typeof Cases.submitCaseRoute>;
export type CaseListQuery = QueryOf<typeof Cases.listCasesRoute>;
export type SuggestionView = ResponseOf<typeof Suggestions.getSuggestionRoute>;
export type SuggestionTimeline = ResponseOf<typeof Suggestions.getSuggestionTimelineRoute>;
export type SubmitSuggestionBody = BodyOf<typeof Suggestions.submitSuggestionRoute>;
export type UploadSlot = ResponseOf<typeof Media.createUploadRoute>;
export type MediaInfo = ResponseOf<typeof Media.getMediaRoute>;
export type CreateUploadBody = BodyOf<typeof Media.createUploadRoute>;
export type Deputy = ResponseOf<typeof listDeputiesRoute>['items'][number];
export type Department = ResponseOf<typeof listDepartmentsRoute>['items'][number];
export type NotificationList = ResponseOf<typeof Notes.listNotificationsRoute>;
export type InboxItem = NotificationList['items'][number];
export type PreferencesView = ResponseOf<typeof Notes.getNotificationPreferencesRoute>;
export type PreferencesBody = BodyOf<typeof Notes.putNotificationPreferencesRoute>;
export type PushDevices = ResponseOf<typeof Notes.listPushSubscriptionsRoute>;
export type PushDeviceBody = BodyOf<typeof Notes.createPushSubscriptionRoute>;

/** The routes the deputies' app calls, each typed by its contract. */
export const deputyApi = (http: HttpClient) => ({
  listCases: (query: CaseListQuery) =>
    http.request<CaseList>('GET', '/cases', { query: query as Record<string, string | number> }),
  getCase: (id: string) => http.request<CaseView>('GET', `/cases/${enc(id)}`),
  caseTimeline: (id: string) => http.request<CaseTimeline>('GET', `/cases/${enc(id)}/timeline`),
  caseComments: (id: string) =>
    http.request<ResponseOf<typeof Cases.listCaseCommentsRoute>>('GET', `/cases/${enc(id)}/comments`),
  submitCase: (body: SubmitCaseBody, idempotencyKey: string) =>
    http.request<CreatedCase>('POST', '/cases', { body, headers: { 'idempotency-key': idempotencyKey } }),
  addComment: (id: string, body: BodyOf<typeof Cases.addCaseCommentRoute>) =>
    http.request<CaseComment>('POST', `/cases/${enc(id)}/comments`, { body }),
  transitionCase: (id: string, body: BodyOf<typeof Cases.transitionCaseRoute>) =>
    http.request<CaseView>('POST', `/cases/${enc(id)}/transitions`, { body }),
  listSuggestions: () =>
    http.request<ResponseOf<typeof Suggestions.listSuggestionsRoute>>('GET', '/suggestions', {
      query: { limit: 50 },
    }),
  getSuggestion: (id: string) => http.request<SuggestionView>('GET', `/suggestions/${enc(id)}`),
  suggestionTimeline: (id: string) =>
    http.request<SuggestionTimeline>('GET', `/suggestions/${enc(id)}/timeline`),
  submitSuggestion: (body: SubmitSuggestionBody, idempotencyKey: string) =>
    http.request<SuggestionView>('POST', '/suggestions', {
      body,
      headers: { 'idempotency-key': idempotencyKey },
    }),
  transitionSuggestion: (id: string, body: BodyOf<typeof Suggestions.transitionSuggestionRoute>) =>
    http.request<SuggestionView>('POST', `/suggestions/${enc(id)}/transitions`, { body }),
  createUpload: (body: CreateUploadBody) => http.request<UploadSlot>('POST', '/media/uploads', { body }),
  completeUpload: (id: string) =>
    http.request<ResponseOf<typeof Media.completeUploadRoute>>('POST', `/media/${enc(id)}/complete`),
  getMedia: (id: string) => http.request<MediaInfo>('GET', `/media/${enc(id)}`),
  listDeputies: () => http.request<ResponseOf<typeof listDeputiesRoute>>('GET', '/deputies'),
  listDepartments: () => http.request<ResponseOf<typeof listDepartmentsRoute>>('GET', '/departments'),
  listNotifications: (query: { unread?: 'true'; limit?: number; cursor?: string }) =>
    http.request<NotificationList>('GET', '/notifications', { query }),
  markNotificationRead: (id: string) => http.request<InboxItem>('POST', `/notifications/${enc(id)}/read`),
  markAllNotificationsRead: () =>
    http.request<ResponseOf<typeof Notes.markAllNotificationsReadRoute>>('POST', '/notifications/read-all'),
  getPreferences: () => http.request<PreferencesView>('GET', '/notification-preferences'),
  putPreferences: (body: PreferencesBody) =>
    http.request<PreferencesView>('PUT', '/notification-preferences', { body }),
  listPushDevices: () => http.request<PushDevices>('GET', '/push-subscriptions'),
  addPushDevice: (body: PushDeviceBody) =>
    http.request<PushDevices['items'][number]>('POST', '/push-subscriptions', { body }),
  deletePushDevice: (id: string) => http.request<undefined>('DELETE', `/push-subscriptions/${enc(id)}`),
});

export type DeputyApi = ReturnType<typeof deputyApi>;
