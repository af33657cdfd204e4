import { describe, expect, it } from 'vitest';
import { accountActivity, type FuelActivity } from '../../../../shared/domain/carbon/accounting/account.ts';
import { loadFactorLibrary } from '../../../../shared/domain/carbon/accounting/factors.ts';
import {
  type MeasuredParameter,
  measuredParameterProblems,
  overlappingParameters,
} from '../../../../shared/domain/carbon/accounting/measured-parameters.ts';
import { context } from './factor-fixtures.ts';
import { expectSigFigs } from './sig-figs.ts';

const library = loadFactorLibrary();
const measured = (over: Partial<MeasuredParameter>): MeasuredParameter => ({
  parameter: 'ncv',
  value: 43.1,
  unit: 'MJ/kg',
  validFrom: '2025-01-01',
  validTo: '2025-03-31',
  source: '化验报告 2025-001',
  ...over,
});
const diesel = (over: Partial<FuelActivity>): FuelActivity => ({
  type: 'fuel',
  fuel: 'diesel',
  quantity: 10,
  unit: 't',
  region: 'CN',
  year: 2025,
  date: '2025-02-14',
  ...over,
});
const account = (activity: FuelActivity) => accountActivity(activity, library, context());

describe('measured parameters (实测值) replace defaults while they hold', () => {
  it('NCV in MJ/kg, carbon content in tC/GJ and oxidation in % all replace the table values', () => {
    const result = account(
      diesel({
        measuredParameters: [
          measured({}),
          measured({ parameter: 'carbon-content', value: 0.0205, unit: 'tC/GJ' }),
          measured({ parameter: 'oxidation-rate', value: 99, unit: '%' }),
        ],
      }),
    );

    // 10 t × 43.1 GJ/t = 431 GJ = 0.431 TJ; × 20.5 tC/TJ (0.0205 tC/GJ × 1000) = 8.8355 tC
    // × 0.99 = 8.747145 tC; × 44/12 = 32.07287 tCO2
    expectSigFigs(result.co2eTonnes, 32.07287);
    // measured NCV → tce = 431 GJ ÷ 29.3076 GJ/tce = 14.70608
    expectSigFigs(result.energyTce, 14.70608);
    expect(result.energy.basis).toBe('measured-ncv');
    expect(result.measuredParameters.map((p) => [p.parameter, p.engineValue, p.engineUnit])).toEqual([
      ['ncv', 43.1, 'GJ/t'],
      ['carbon-content', 20.5, 'tC/TJ'],
      ['oxidation-rate', 0.99, 'fraction'],
    ]);
    expect(result.measuredParameters[0]).toMatchObject({
      source: '化验报告 2025-001',
      validFrom: '2025-01-01',
      replaces: expect.stringMatching(/^gbt32150\.fuel-carbon\.diesel@1#sha256:/),
    });
  });

  it('a gas NCV in MJ/Nm3 becomes GJ per 10^4 Nm3', () => {
    const gas = diesel({
      fuel: 'natural-gas',
      unit: '10^4Nm3',
      measuredParameters: [measured({ value: 36.5, unit: 'MJ/Nm3' })],
    });

    const result = account(gas);

    // 36.5 MJ/Nm3 × 10 000 = 365 GJ/10^4Nm3; 10 × 365 = 3 650 GJ = 3.65 TJ × 15.3 × 0.99 × 44/12 = 202.7173 t
    expectSigFigs(result.co2eTonnes, 202.7173);
    // 3 650 ÷ 29.3076 = 124.5411 tce
    expectSigFigs(result.energyTce, 124.5411);
  });

  it('a measured density in kg/m3 turns litres into tonnes', () => {
    const result = account(
      diesel({
        quantity: 1000,
        unit: 'L',
        measuredParameters: [measured({ parameter: 'density', value: 840, unit: 'kg/m3' })],
      }),
    );

    // 1 000 L × 0.840 kg/L = 0.84 t; × 42.652 × 20.2 × 0.98 × 44/12 ÷ 1000 = 2.600564 t
    expectSigFigs(result.co2eTonnes, 2.600564);
    // 0.84 t × 1.4571 kgce/kg = 1.223964 tce (the NCV was not measured)
    expectSigFigs(result.energyTce, 1.223964);
    expect(result.factors.map((f) => f.role)).toEqual(['co2']);
    expect(result.measuredParameters[0]).toMatchObject({
      parameter: 'density',
      replaces: expect.stringMatching(/^gb19147/),
    });
  });

  it('outside its validity period a measurement is not used, and the default is', () => {
    const result = account(diesel({ date: '2025-04-01', measuredParameters: [measured({})] }));

    // default: 10 × 42.652 × 20.2 × 0.98 × 44/12 ÷ 1000 = 30.9591 t
    expectSigFigs(result.co2eTonnes, 30.9591);
    expect(result.measuredParameters).toEqual([]);
  });

  it('refuses measurements it cannot apply honestly', () => {
    const run = (activity: FuelActivity) => () => account(activity);

    // two NCVs that hold on the same day
    expect(run(diesel({ measuredParameters: [measured({}), measured({ value: 43 })] }))).toThrow(
      expect.objectContaining({ code: 'invalid-parameter' }),
    );
    // a gas NCV for a fuel counted in tonnes
    expect(run(diesel({ measuredParameters: [measured({ unit: 'MJ/Nm3' })] }))).toThrow(
      expect.objectContaining({ code: 'unit-mismatch' }),
    );
    // no date to tell whether it holds
    expect(run(diesel({ date: undefined, measuredParameters: [measured({})] }))).toThrow(
      expect.objectContaining({ code: 'invalid-parameter', field: '/date' }),
    );
  });
});

describe('measuredParameterProblems', () => {
  it('names each bad field', () => {
    const fields = (p: Partial<MeasuredParameter>) => measuredParameterProblems(measured(p)).map(([f]) => f);

    expect(fields({})).toEqual([]);
    expect(fields({ unit: 'kcal' })).toEqual(['unit']);
    expect(fields({ value: 0 })).toEqual(['value']);
    expect(fields({ parameter: 'oxidation-rate', value: 101, unit: '%' })).toEqual(['value']);
    expect(fields({ validFrom: '2025-04-01' })).toEqual(['validTo']);
    expect(fields({ source: ' ' })).toEqual(['source']);
  });

  it('finds two measurements of one parameter whose periods overlap', () => {
    const list = [
      measured({}),
      measured({ validFrom: '2025-03-31', validTo: '2025-06-30' }),
      measured({ parameter: 'density', unit: 'kg/L', value: 0.84 }),
    ];

    expect(overlappingParameters(list)).toEqual([[0, 1]]);
  });
});
