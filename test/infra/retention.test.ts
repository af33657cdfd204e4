import { App } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from '../../infra/settings.ts';
import { ENV } from '../../shared/config/env.ts';
import { houseFunctions, resourceOf, type Synthesized, synthesize } from './synth-stack.ts';

/** A stage's telemetry retention reaches the functions that stamp each reading's expiry (issue 19). */
describe('telemetry retention per stage', () => {
  let synth: Synthesized;
  beforeAll(() => {
    synth = synthesize({ telemetryRetentionDays: '1100' });
  });
  afterAll(() => synth.cleanup());

  it('gives every function the stage’s retention, ingest included', () => {
    const functions = Object.values(houseFunctions(synth.stacks));
    expect(functions.length).toBeGreaterThan(10);
    for (const { fn } of functions) {
      const variables = (
        resourceOf(synth, fn).Properties.Environment as { Variables: Record<string, unknown> }
      ).Variables;
      expect(variables[ENV.telemetryRetentionDays], fn.node.path).toBe('1100');
    }
  });

  it('refuses a retention shorter than a reporting year and its audit, or not whole days', () => {
    for (const value of ['30', '400.5', 'forever']) {
      const app = new App({ context: { telemetryRetentionDays: value } });
      expect(() => readSettings(app)).toThrow(SettingsError);
    }
    expect(readSettings(new App()).telemetryRetentionDays).toBe(800);
  });
});
