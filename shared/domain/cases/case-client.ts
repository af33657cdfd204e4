/**
 * A case reported through an API client (the Open311 facade, docs/open311.md). The client — one
 * issued API key, a system principal — is the case's reporter; the person who used the client is
 * its `submitter`, whose contact only the staff read (case-privacy.ts).
 */
export interface ClientSubmission {
  channel: 'open311';
  /** The API key's id. */
  clientId: string;
  clientName: string;
  /** Whoever used the client, as the client passed it on: staff only. */
  submitter?: SubmitterContact;
  /** The location as the submitter wrote it; the only one when they sent no coordinates. */
  address?: string;
  /** The client's own address id (we keep no address register): staff only. */
  addressId?: string;
  /** A link the client sent, never fetched by us (docs/open311.md, "media_url"): staff only. */
  mediaUrl?: string;
}

export interface SubmitterContact {
  email?: string;
  phone?: string;
  firstName?: string;
  lastName?: string;
  deviceId?: string;
  accountId?: string;
}

/** The reporter id of a client's cases: no person's id (identity-provider subs) looks like it. */
export const clientReporterId = (clientId: string): string => `apiclient:${clientId}`;

/** A case a client reported: its reporter follows it through the client (Open311), not our inbox. */
export const reportedByClient = (reporterId: string): boolean => reporterId.startsWith('apiclient:');

/** What readers other than staff learn of the channel: which client, and the address given. */
export const clientSubmissionForPublic = ({
  submitter: _submitter,
  addressId: _addressId,
  mediaUrl: _mediaUrl,
  ...shown
}: ClientSubmission): ClientSubmission => shown;
