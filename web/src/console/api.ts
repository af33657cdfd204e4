import type * as Calendar from '../../../shared/contracts/calendar.ts';
import type * as Cases from '../../../shared/contracts/cases.ts';
import type * as Media from '../../../shared/contracts/media.ts';
import type { listDepartmentsRoute } from '../../../shared/contracts/registry.ts';
import type * as Reports from '../../../shared/contracts/reports.ts';
import type * as Suggestions from '../../../shared/contracts/suggestions.ts';
import { enc, type HttpClient } from '../shared/api.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../shared/api-types.ts';

export type CaseView = ResponseOf<typeof Cases.getCaseRoute>;
export type CaseList = ResponseOf<typeof Cases.listCasesRoute>;
export type CaseListQuery = QueryOf<typeof Cases.listCasesRoute>;
export type CaseTimeline = ResponseOf<typeof Cases.getCaseTimelineRoute>;
export type CaseComments = ResponseOf<typeof Cases.listCaseCommentsRoute>;
export type CaseTransition = BodyOf<typeof Cases.transitionCaseRoute>;
export type Indicators = ResponseOf<typeof Cases.getDepartmentIndicatorsRoute>;
export type IndicatorQuery = QueryOf<typeof Cases.getDepartmentIndicatorsRoute>;
export type SuggestionView = ResponseOf<typeof Suggestions.getSuggestionRoute>;
export type SuggestionList = ResponseOf<typeof Suggestions.listSuggestionsRoute>;
export type SuggestionListQuery = QueryOf<typeof Suggestions.listSuggestionsRoute>;
export type SuggestionTimeline = ResponseOf<typeof Suggestions.getSuggestionTimelineRoute>;
export type SuggestionTransition = BodyOf<typeof Suggestions.transitionSuggestionRoute>;
export type Department = ResponseOf<typeof listDepartmentsRoute>['items'][number];
export type ReportList = ResponseOf<typeof Reports.listReportsRoute>;
export type ReportListQuery = QueryOf<typeof Reports.listReportsRoute>;
export type ReportWithLinks = ResponseOf<typeof Reports.getReportRoute>;
export type Escalations = ResponseOf<typeof Reports.getEscalationsRoute>;
export type CalendarCoverage = ResponseOf<typeof Calendar.listCalendarYearsRoute>;
export type CalendarLoad = ResponseOf<typeof Calendar.putCalendarYearRoute>;
export type UploadSlot = ResponseOf<typeof Media.createUploadRoute>;
export type MediaDownload = ResponseOf<typeof Media.getMediaRoute>;

type Query = Record<string, string | number | boolean | undefined>;

/** The routes the staff console calls, each typed by its contract. */
export const consoleApi = (http: HttpClient) => ({
  listCases: (query: CaseListQuery) => http.request<CaseList>('GET', '/cases', { query: query as Query }),
  getCase: (id: string) => http.request<CaseView>('GET', `/cases/${enc(id)}`),
  caseTimeline: (id: string) => http.request<CaseTimeline>('GET', `/cases/${enc(id)}/timeline`),
  caseComments: (id: string) => http.request<CaseComments>('GET', `/cases/${enc(id)}/comments`),
  addComment: (id: string, body: BodyOf<typeof Cases.addCaseCommentRoute>) =>
    http.request<CaseComments['items'][number]>('POST', `/cases/${enc(id)}/comments`, { body }),
  transitionCase: (id: string, body: CaseTransition) =>
    http.request<CaseView>('POST', `/cases/${enc(id)}/transitions`, { body }),
  indicators: (departmentId: string, query: Omit<IndicatorQuery, 'cases'> & { cases?: boolean }) =>
    http.request<Indicators>('GET', `/departments/${enc(departmentId)}/indicators`, {
      query: query as Query,
    }),
  listSuggestions: (query: SuggestionListQuery) =>
    http.request<SuggestionList>('GET', '/suggestions', { query: query as Query }),
  getSuggestion: (id: string) => http.request<SuggestionView>('GET', `/suggestions/${enc(id)}`),
  suggestionTimeline: (id: string) =>
    http.request<SuggestionTimeline>('GET', `/suggestions/${enc(id)}/timeline`),
  transitionSuggestion: (id: string, body: SuggestionTransition) =>
    http.request<SuggestionView>('POST', `/suggestions/${enc(id)}/transitions`, { body }),
  listDepartments: () => http.request<ResponseOf<typeof listDepartmentsRoute>>('GET', '/departments'),
  listReports: (query: ReportListQuery) =>
    http.request<ReportList>('GET', '/reports', { query: query as Query }),
  getReport: (id: string) => http.request<ReportWithLinks>('GET', `/reports/${enc(id)}`),
  escalations: () => http.request<Escalations>('GET', '/reports/escalations'),
  calendarYears: () => http.request<CalendarCoverage>('GET', '/calendar/years'),
  loadCalendarYear: (year: number, document: unknown, ifMatch?: number) =>
    http.request<CalendarLoad>('PUT', `/calendar/years/${year}`, {
      body: document,
      ...(ifMatch === undefined ? {} : { headers: { 'if-match': String(ifMatch) } }),
    }),
  createUpload: (body: BodyOf<typeof Media.createUploadRoute>) =>
    http.request<UploadSlot>('POST', '/media/uploads', { body }),
  completeUpload: (id: string) =>
    http.request<ResponseOf<typeof Media.completeUploadRoute>>('POST', `/media/${enc(id)}/complete`),
  getMedia: (id: string, variant: 'public' | 'original' = 'public') =>
    http.request<MediaDownload>('GET', `/media/${enc(id)}`, { query: { variant } }),
});

export type ConsoleApi = ReturnType<typeof consoleApi>;
