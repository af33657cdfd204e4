import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../infra/app.ts';
import { renderNagReport, writeNagReport } from '../../infra/nag-report.ts';
import { cdkJsonContext } from './synth-stack.ts';

interface Violation {
  ruleName: string;
  severity: string;
  violatingConstructs: { constructPath: string }[];
}
interface ValidationReport {
  pluginReports: { pluginName: string; violations: Violation[] }[];
}

const ACKNOWLEDGED = 'aws:cdk:acknowledged-rules';

/** Synthesizes, keeping the error instead of throwing, and reads CDK's validation report. */
const synthesizeWithReport = (app: App, outdir: string): { error: unknown; findings: string[] } => {
  let error: unknown;
  try {
    app.synth();
  } catch (caught) {
    error = caught;
  }
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
  const findings = report.pluginReports
    .filter((plugin) => plugin.pluginName === 'AwsSolutions')
    .flatMap((plugin) => plugin.violations)
    .flatMap((v) => v.violatingConstructs.map((c) => `${v.severity} ${v.ruleName} at ${c.constructPath}`));
  return { error, findings };
};

const acknowledgmentsUnder = (root: IConstruct): { id: string; reason: string }[] =>
  root.node
    .findAll()
    .flatMap((construct) => construct.node.metadata.filter((entry) => entry.type === ACKNOWLEDGED))
    .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
    .map(([id, reason]) => ({ id, reason }));

describe('cdk-nag AwsSolutions', () => {
  const outdirs: string[] = [];
  const tempOutdir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'qingshan-nag-'));
    outdirs.push(dir);
    return dir;
  };
  let result: { error: unknown; findings: string[] };
  let app: App;

  beforeAll(() => {
    const outdir = tempOutdir();
    ({ app } = createApp({ outdir, context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } }));
    result = synthesizeWithReport(app, outdir);
  });
  afterAll(() => {
    for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
  });

  it('synthesizes the stack without validation errors', () => {
    expect(result.error).toBeUndefined();
  });

  it('leaves no unacknowledged finding, error or warning', () => {
    expect(result.findings).toEqual([]);
  });

  it('gives every acknowledgment a specific written reason', () => {
    const acknowledgments = acknowledgmentsUnder(app);

    expect(acknowledgments.length).toBeGreaterThan(0);
    for (const { id, reason } of acknowledgments) {
      expect(id).toMatch(/AwsSolutions-/);
      expect(reason.length, id).toBeGreaterThan(40);
    }
  });

  it('writes every acknowledgment with its reason, and the unacknowledged findings, to cdk.out/nag-report.md', () => {
    // Prepare
    const outdir = app.outdir;

    // Act
    const path = writeNagReport(app, outdir);
    const report = readFileSync(path, 'utf8');

    // Assess
    expect(path).toBe(join(outdir, 'nag-report.md'));
    expect(report).toContain('Unacknowledged findings: none');
    const rows = report.split('\n').filter((line) => line.startsWith('| ') && line.includes('AwsSolutions-'));
    const acknowledgments = acknowledgmentsUnder(app);
    expect(rows).toHaveLength(acknowledgments.length);
    for (const { id, reason } of acknowledgments) {
      expect(report).toContain(`| ${id.replace(/^Annotation::/, '')} | ${reason.replaceAll('|', '\\|')} |`);
    }
    for (const stack of ['Qingshan-dev-Stateful', 'Qingshan-dev-Carbon', 'Qingshan-dev-Registry']) {
      expect(report).toContain(`## ${stack}`);
    }
  });

  it('lists the findings nobody acknowledged in the report', () => {
    const report = renderNagReport([], ['AwsSolutions-S1 at Control/Bare/Resource']);

    expect(report).toContain('Unacknowledged findings: 1');
    expect(report).toContain('- AwsSolutions-S1 at Control/Bare/Resource');
  });

  it('does report what it is not told to accept (control: a bare bucket)', () => {
    // Prepare: the same checks on a bucket with no logging and no SSL policy.
    const outdir = tempOutdir();
    const control = new App({ outdir });
    const stack = new Stack(control, 'Control');
    new Bucket(stack, 'Bare');
    Validations.of(control).addPlugins(new AwsSolutionsChecks(control));

    // Act
    const { findings } = synthesizeWithReport(control, outdir);

    // Assess
    expect(findings.some((finding) => finding.includes('AwsSolutions-S1 '))).toBe(true);
    expect(findings.some((finding) => finding.includes('AwsSolutions-S10 '))).toBe(true);
  });
});
