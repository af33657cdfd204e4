import { describe, expect, it } from 'vitest';
import { CreateMeterSchema, UpdateMeterSchema } from '../../../shared/contracts/meters.ts';

const meter = (gridRegion: string) => ({
  enterpriseId: 'ENT-1',
  facilityId: 'FAC-1',
  name: '总表',
  energyType: 'electricity',
  unit: 'kWh',
  readingKind: 'interval',
  gridRegion,
  expectedIntervalSeconds: 900,
});

// Issue 13: `CN-SOUHT` matched the old pattern and was silently priced at the national factor.
describe('grid region is a closed list', () => {
  it('refuses a region that is not a published grid, naming the field in zh-CN', () => {
    const parsed = CreateMeterSchema.safeParse(meter('CN-SOUHT'));

    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.path).toEqual(['gridRegion']);
    expect(issue?.message).toMatch(/电网区域/);
  });

  it('refuses it on update too', () => {
    expect(UpdateMeterSchema.safeParse({ gridRegion: 'CN-SOUHT' }).success).toBe(false);
  });

  it.each([
    'CN',
    'CN-NORTH',
    'CN-NORTHEAST',
    'CN-EAST',
    'CN-CENTRAL',
    'CN-NORTHWEST',
    'CN-SOUTH',
    'CN-SOUTHWEST',
  ])('accepts the published grid %s', (region) => {
    expect(CreateMeterSchema.safeParse(meter(region)).success).toBe(true);
  });
});
