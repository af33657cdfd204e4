/**
 * The deputies of the People's Congress the platform knows (人大代表名册): who may be named as a
 * co-signer of a suggestion. Locally the demo deputies are seeded; in the cloud the records are
 * written by admins when a deputy's account is created in the identity provider (keyed by the
 * account's `sub`, the id the API knows the deputy by), and marked inactive when it is disabled.
 */
export interface DeputyRecord {
  /** The deputy's user id: the token's `sub`. */
  id: string;
  /** Display name (姓名). */
  name: string;
  /** Delegation or constituency, free text (e.g. 第三代表团). */
  delegation?: string;
  status: 'active' | 'inactive';
}

export interface DeputyDirectory {
  getDeputy(id: string): Promise<DeputyRecord | undefined>;
  /** Every deputy in the directory, active or not (a district has a few hundred). */
  listDeputies(): Promise<DeputyRecord[]>;
  /** Writes the record; resolves false when `ifAbsent` and one already exists. */
  putDeputy(record: DeputyRecord, options?: { ifAbsent?: boolean }): Promise<boolean>;
}
