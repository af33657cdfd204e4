import { describe, expect, it } from 'vitest';
import { CreateEnterpriseSchema, UpdateEnterpriseSchema } from '../../../shared/contracts/enterprises.ts';
import { CreateMeterSchema } from '../../../shared/contracts/meters.ts';
import type { MeasuredParameter } from '../../../shared/domain/carbon/accounting/measured-parameters.ts';
import { type MeterProfile, meterProfileErrors } from '../../../shared/domain/registry/meter-rules.ts';

const ncv = (over: Partial<MeasuredParameter> = {}): MeasuredParameter => ({
  parameter: 'ncv',
  value: 36.2,
  unit: 'MJ/Nm3',
  validFrom: '2025-01-01',
  validTo: '2025-12-31',
  source: '供气合同热值证明',
  ...over,
});
const gasMeter = (
  measuredParameters: MeasuredParameter[],
  over: Partial<MeterProfile> = {},
): MeterProfile => ({
  energyType: 'natural-gas',
  unit: 'Nm3',
  readingKind: 'interval',
  scope: 1,
  greenPower: false,
  expectedIntervalSeconds: 900,
  measuredParameters,
  ...over,
});
const paths = (profile: MeterProfile) => meterProfileErrors(profile).map((e) => e.path);

describe('measured parameters on a meter', () => {
  it('accepts a gas NCV per Nm3 and a diesel density on a litre meter', () => {
    expect(paths(gasMeter([ncv()]))).toEqual([]);
    expect(
      paths(
        gasMeter([ncv({ parameter: 'density', value: 0.84, unit: 'kg/L' })], {
          energyType: 'diesel',
          unit: 'L',
        }),
      ),
    ).toEqual([]);
  });

  it('refuses an NCV on the wrong basis, a density on a mass meter, and overlapping periods (422 paths)', () => {
    expect(paths(gasMeter([ncv({ unit: 'MJ/kg' })]))).toEqual(['/body/measuredParameters/0/unit']);
    expect(
      paths(gasMeter([ncv({ parameter: 'density', unit: 'kg/L' })], { energyType: 'diesel', unit: 't' })),
    ).toEqual(['/body/measuredParameters/0/unit']);
    expect(paths(gasMeter([ncv(), ncv({ validFrom: '2025-06-01', validTo: '2026-05-31' })]))).toEqual([
      '/body/measuredParameters/1/validFrom',
    ]);
    expect(paths(gasMeter([ncv({ validFrom: '2026-01-01' })]))).toEqual([
      '/body/measuredParameters/0/validTo',
    ]);
  });

  it('refuses measured parameters on a meter that burns nothing', () => {
    const meter = gasMeter([ncv()], {
      energyType: 'electricity',
      unit: 'kWh',
      scope: 2,
      gridRegion: 'CN-SOUTH',
    });
    expect(meterProfileErrors(meter)).toEqual([
      { path: '/body/measuredParameters', message: expect.stringContaining('实测参数仅适用于燃料计量表') },
    ]);
  });

  it('the contract takes them as an optional field with dates and a source', () => {
    const body = {
      enterpriseId: 'ENT-1',
      facilityId: 'FAC-1',
      name: '天然气总表',
      energyType: 'natural-gas',
      unit: 'Nm3',
      readingKind: 'interval',
      expectedIntervalSeconds: 900,
    };
    expect(CreateMeterSchema.safeParse(body).success).toBe(true);
    expect(CreateMeterSchema.safeParse({ ...body, measuredParameters: [ncv()] }).success).toBe(true);
    expect(
      CreateMeterSchema.safeParse({ ...body, measuredParameters: [ncv({ validTo: '31/12/2025' })] }).success,
    ).toBe(false);
  });
});

describe("an enterprise's factor programme", () => {
  const enterprise = { name: '湛江钢铁', uscc: '91440800MA4UJ5XX0X', industryCode: 'C3120', address: '湛江' };

  it('is optional, one of the programmes, and removable with null', () => {
    expect(CreateEnterpriseSchema.safeParse(enterprise).success).toBe(true);
    expect(
      CreateEnterpriseSchema.safeParse({ ...enterprise, factorProgramme: 'mee-ets-power' }).success,
    ).toBe(true);
    expect(UpdateEnterpriseSchema.safeParse({ factorProgramme: null }).success).toBe(true);
    const wrong = CreateEnterpriseSchema.safeParse({ ...enterprise, factorProgramme: 'cheapest' });
    expect(wrong.error?.issues[0]).toMatchObject({
      path: ['factorProgramme'],
      message: expect.stringMatching(/^因子口径无效/),
    });
  });
});
