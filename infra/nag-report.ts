/**
 * `cdk.out/nag-report.md`: every cdk-nag AwsSolutions acknowledgment with its written reason and the
 * construct it sits on, by stack, and every finding that was not acknowledged (from CDK's validation
 * report). cdk-nag 3 writes no report of its own; this is what a reviewer reads instead of the code.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type App, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

const ACKNOWLEDGED = 'aws:cdk:acknowledged-rules';
export const NAG_REPORT_FILE = 'nag-report.md';

export interface Acknowledgment {
  stack: string;
  path: string;
  rule: string;
  reason: string;
}

/** Every acknowledgment under `root`, in construct-tree order. */
export const acknowledgmentsUnder = (root: IConstruct): Acknowledgment[] =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === ACKNOWLEDGED)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([id, reason]) => ({
        stack: Stack.isStack(construct) ? construct.stackName : Stack.of(construct).stackName,
        path: construct.node.path,
        rule: id.replace(/^Annotation::/, ''),
        reason,
      })),
  );

interface ValidationReport {
  pluginReports?: {
    pluginName: string;
    violations: {
      ruleName: string;
      description?: string;
      violatingConstructs: { constructPath: string }[];
    }[];
  }[];
}

/** Findings nobody acknowledged, as `rule at path` lines (none in a passing build). */
const unacknowledgedFindings = (outdir: string): string[] => {
  const file = join(outdir, 'validation-report.json');
  if (!existsSync(file)) return [];
  const report = JSON.parse(readFileSync(file, 'utf8')) as ValidationReport;
  return (report.pluginReports ?? [])
    .flatMap((plugin) => plugin.violations)
    .flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} at ${c.constructPath}`));
};

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export const renderNagReport = (acknowledgments: Acknowledgment[], findings: string[]): string => {
  const lines = [
    '# cdk-nag AwsSolutions report',
    '',
    `Unacknowledged findings: ${findings.length === 0 ? 'none' : findings.length}`,
    ...findings.map((finding) => `- ${finding}`),
    '',
    `Acknowledged: ${acknowledgments.length}, each with its reason.`,
  ];
  const stacks = [...new Set(acknowledgments.map((a) => a.stack))];
  for (const stack of stacks) {
    lines.push('', `## ${stack}`, '', '| construct | rule | reason |', '|---|---|---|');
    for (const a of acknowledgments.filter((candidate) => candidate.stack === stack)) {
      const path = a.path.slice(stack.length + 1) || '(stack)';
      lines.push(`| ${cell(path)} | ${cell(a.rule)} | ${cell(a.reason)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
};

/** Writes the report into the cloud assembly folder; returns its path. */
export const writeNagReport = (app: App, outdir: string): string => {
  const path = join(outdir, NAG_REPORT_FILE);
  writeFileSync(path, renderNagReport(acknowledgmentsUnder(app), unacknowledgedFindings(outdir)));
  return path;
};
