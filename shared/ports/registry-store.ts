import type { AuditEntry } from '../domain/registry/audit.ts';
import type {
  DepartmentRecord,
  EnterpriseRecord,
  FacilityRecord,
  MeterRecord,
  MeterStatus,
} from '../domain/registry/records.ts';

export interface PageOptions {
  /** Opaque, from the previous page. */
  cursor?: string;
  /** Page size; the store's default when absent. */
  limit?: number;
}

export interface Page<T> {
  items: T[];
  /** Present when more items may follow. */
  cursor?: string;
}

export interface MeterListOptions extends PageOptions {
  enterpriseId?: string;
  facilityId?: string;
  status?: MeterStatus;
}

/** What the other contexts need from the registry: reads by id and paginated lists, no writes. */
export interface RegistryReader {
  getEnterprise(id: string): Promise<EnterpriseRecord | undefined>;
  getFacility(id: string): Promise<FacilityRecord | undefined>;
  getMeter(id: string): Promise<MeterRecord | undefined>;
  getDepartment(id: string): Promise<DepartmentRecord | undefined>;
  listDepartments(): Promise<DepartmentRecord[]>;
  listEnterprises(options?: PageOptions): Promise<Page<EnterpriseRecord>>;
  /** Every facility of one enterprise. */
  listFacilities(enterpriseId: string): Promise<FacilityRecord[]>;
  listMeters(options?: MeterListOptions): Promise<Page<MeterRecord>>;
}

/**
 * The registry context's own writes. Each call is one transaction: the record, its uniqueness
 * items (USCC, identifier) and its audit entry commit together or not at all. Duplicates and
 * stale versions throw ConflictError; a missing parent throws NotFoundError.
 */
export interface RegistryWriter {
  createEnterprise(record: EnterpriseRecord, audit: AuditEntry): Promise<void>;
  /** `meterIds`: meters whose copied industryCode must follow a changed enterprise industry. */
  updateEnterprise(
    next: EnterpriseRecord,
    previous: EnterpriseRecord,
    audit: AuditEntry,
    meterIds?: readonly string[],
  ): Promise<void>;
  createFacility(record: FacilityRecord, audit: AuditEntry): Promise<void>;
  updateFacility(next: FacilityRecord, previous: FacilityRecord, audit: AuditEntry): Promise<void>;
  createMeter(record: MeterRecord, audit: AuditEntry): Promise<void>;
  updateMeter(next: MeterRecord, previous: MeterRecord, audit: AuditEntry): Promise<void>;
  /** Audit entries stored under an enterprise or meter, oldest first. */
  listAudit(
    subject: { type: 'enterprise' | 'meter'; id: string },
    options?: PageOptions,
  ): Promise<Page<AuditEntry>>;
}
