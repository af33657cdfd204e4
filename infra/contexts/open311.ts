import { issueApiKeyRoute, listApiKeysRoute, revokeApiKeyRoute } from '../../shared/contracts/api-keys.ts';
import {
  OPEN311_DISCOVERY_ROUTES,
  OPEN311_REQUEST_LIST_ROUTES,
  OPEN311_SERVICE_LIST_ROUTES,
  OPEN311_SUBMIT_ROUTES,
  open311RequestRoute,
  open311ServiceDefinitionRoute,
  open311TokenRoute,
} from '../../shared/contracts/open311.ts';
import type { FunctionSpec } from '../manifest-spec.ts';

/**
 * The Open311 GeoReport v2 facade (docs/open311.md) and the admins' API keys. The GeoReport routes
 * are public at the gateway; only the POST takes a key, checked by its function. The read functions
 * see the workflow table (cases), the registry (department names) and the media bucket (links to
 * public copies); none of them writes anything.
 */
export const OPEN311_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'open311Discovery',
    entry: 'functions/open311/get-discovery.ts',
    description: 'Open311 service discovery',
    trigger: { kind: 'http', routes: OPEN311_DISCOVERY_ROUTES },
  },
  {
    id: 'open311ListServices',
    entry: 'functions/open311/list-services.ts',
    description: 'GeoReport v2 services: the case categories',
    trigger: { kind: 'http', routes: OPEN311_SERVICE_LIST_ROUTES },
  },
  {
    id: 'open311ServiceDefinition',
    entry: 'functions/open311/get-service-definition.ts',
    description: 'GeoReport v2 service definition',
    trigger: { kind: 'http', routes: [open311ServiceDefinitionRoute] },
  },
  {
    id: 'open311SubmitRequest',
    entry: 'functions/open311/submit-request.ts',
    description: 'GeoReport v2 POST: an API client reports a public case',
    trigger: { kind: 'http', routes: OPEN311_SUBMIT_ROUTES },
    // registry: the keys and their buckets (written on every request).
    tables: { workflow: 'readWrite', registry: 'readWrite' },
  },
  {
    id: 'open311ListRequests',
    entry: 'functions/open311/list-requests.ts',
    description: 'GeoReport v2 GET requests: public cases by id or range',
    timeoutSeconds: 20,
    trigger: { kind: 'http', routes: OPEN311_REQUEST_LIST_ROUTES },
    tables: { workflow: 'read', registry: 'read' },
    buckets: { media: 'read' },
  },
  {
    id: 'open311GetRequest',
    entry: 'functions/open311/get-request.ts',
    description: 'GeoReport v2 GET one request: a public case',
    trigger: { kind: 'http', routes: [open311RequestRoute] },
    tables: { workflow: 'read', registry: 'read' },
    buckets: { media: 'read' },
  },
  {
    id: 'open311GetToken',
    entry: 'functions/open311/get-token.ts',
    description: 'GeoReport v2 tokens (every service is realtime: a token is the request id)',
    trigger: { kind: 'http', routes: [open311TokenRoute] },
    tables: { workflow: 'read' },
  },
  {
    id: 'apiKeysIssue',
    entry: 'functions/open311/api-keys/issue-api-key.ts',
    description: 'Issues an Open311 API key (admin), shown once',
    trigger: { kind: 'http', routes: [issueApiKeyRoute] },
    tables: { registry: 'write' },
  },
  {
    id: 'apiKeysList',
    entry: 'functions/open311/api-keys/list-api-keys.ts',
    description: 'Lists the Open311 API keys (admin)',
    trigger: { kind: 'http', routes: [listApiKeysRoute] },
    tables: { registry: 'read' },
  },
  {
    id: 'apiKeysRevoke',
    entry: 'functions/open311/api-keys/revoke-api-key.ts',
    description: 'Revokes an Open311 API key (admin)',
    trigger: { kind: 'http', routes: [revokeApiKeyRoute] },
    tables: { registry: 'readWrite' },
  },
];
