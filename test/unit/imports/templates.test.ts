import { describe, expect, it } from 'vitest';
import { MEASURED_PARAMETER_NAMES } from '../../../shared/domain/carbon/accounting/measured-parameters.ts';
import { mapHeader, TEMPLATES, templateHeader } from '../../../shared/domain/imports/templates.ts';
import { MEASURED_PARAMETER_LABELS } from '../../../shared/domain/registry/field-words.ts';
import { fieldLabel } from '../../../web/src/console/registry/field-labels.ts';
import { MEASURED_PARAMETER_LABELS as CONSOLE } from '../../../web/src/console/registry/labels.ts';

/** The import templates and the console name the measured parameters and the energy type alike. */
describe('the import templates’ words', () => {
  const fuel = TEMPLATES['fuel-delivery'][1] ?? [];
  const zh = (key: string) => fuel.find((c) => c.key === key)?.zh;

  it('are the registry’s for the measured parameters, their units and the energy type', () => {
    for (const name of MEASURED_PARAMETER_NAMES) expect(CONSOLE[name]).toBe(MEASURED_PARAMETER_LABELS[name]);
    expect([zh('ncv'), zh('ncvUnit'), zh('carbonContent'), zh('density'), zh('densityUnit')]).toEqual([
      CONSOLE.ncv,
      `${CONSOLE.ncv}单位`,
      CONSOLE['carbon-content'],
      CONSOLE.density,
      `${CONSOLE.density}单位`,
    ]);
    expect(zh('carbonContentUnit')).toBe(`${CONSOLE['carbon-content']}单位`);
    const report = TEMPLATES['energy-report'][1] ?? [];
    expect(report.find((c) => c.key === 'energyType')?.zh).toBe(fieldLabel('meter', 'energyType'));
  });

  it('still reads a file headed as the first download of version 1 was (含碳量单位)', () => {
    const header = ['账户编号', '期间', '用量', '单位', '单位热值含碳量', '含碳量单位'];
    expect(mapHeader(header, fuel).indexes.get('carbonContentUnit')).toBe(5);
    expect(mapHeader(templateHeader(fuel), fuel).indexes.size).toBe(fuel.length);
  });
});
