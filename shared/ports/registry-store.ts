import type {
  DepartmentRecord,
  EnterpriseRecord,
  FacilityRecord,
  MeterRecord,
} from '../domain/registry/records.ts';

/** What the other contexts need from the registry: reads by id, nothing else. */
export interface RegistryReader {
  getEnterprise(id: string): Promise<EnterpriseRecord | undefined>;
  getFacility(id: string): Promise<FacilityRecord | undefined>;
  getMeter(id: string): Promise<MeterRecord | undefined>;
  getDepartment(id: string): Promise<DepartmentRecord | undefined>;
  listDepartments(): Promise<DepartmentRecord[]>;
}
