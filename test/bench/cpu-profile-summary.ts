import { relative } from 'node:path';

/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` and the inspector's Profiler write) read here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    hitCount?: number;
    children?: number[];
  }[];
}

const PROJECT_ROOT = new URL('../../', import.meta.url).pathname;

/** Where a frame's code lives: a package, a Node internal, V8's own pseudo-frames, or our source file. */
const areaOf = (url: string, name: string): string => {
  if (url === '') return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return 'node: internals';
  const path = url.replace(/^file:\/\//, '');
  const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (packaged) return packaged[1] as string;
  return relative(PROJECT_ROOT, path);
};

type Frame = CpuProfile['nodes'][number]['callFrame'];

/**
 * Where a frame's code was written: tsx runs our files compiled (one line each, arrow functions
 * unnamed), so a `locate` that reads their source maps gives the original line and its text.
 */
export type Locate = (frame: Frame) => { line: number; text: string } | undefined;

const keyOf = (frame: Frame, locate: Locate) => {
  const area = areaOf(frame.url, frame.functionName);
  const original = isOurs(frame.url) ? locate(frame) : undefined;
  if (original !== undefined) return `${area}:${original.line}  ${original.text}`;
  return `${frame.functionName || '(anonymous)'}  ${area}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
};

const isOurs = (url: string) =>
  url.startsWith('file://') && !url.includes('node_modules') && !url.includes('/test/bench/');

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

const top = (counts: Map<string, number>, whole: number, n: number): string[][] =>
  [...counts]
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, count]) => [percent(count, whole), name]);

/**
 * Self time by function and by area (package, Node internals, our files), and the total time of our
 * own functions (a sample counts once for each of our functions on its stack): the three views the
 * suggestions list was profiled by (docs/performance.md, "Fourth pass"). Percentages of the samples
 * in which the thread was busy, i.e. without `(idle)`.
 */
export const summariseProfile = (profile: CpuProfile, locate: Locate = () => undefined, n = 25) => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  const ours = new Map<string, number>();
  const children = new Set(profile.nodes.flatMap((node) => node.children ?? []));
  let busy = 0;
  const add = (counts: Map<string, number>, key: string, hits: number) =>
    counts.set(key, (counts.get(key) ?? 0) + hits);
  const visit = (id: number, onStack: ReadonlySet<string>) => {
    const node = byId.get(id);
    if (node === undefined) return;
    const { callFrame } = node;
    const key = keyOf(callFrame, locate);
    const stack = isOurs(callFrame.url) && !onStack.has(key) ? new Set([...onStack, key]) : onStack;
    const hits = callFrame.functionName === '(idle)' ? 0 : (node.hitCount ?? 0);
    busy += hits;
    add(self, key, hits);
    add(areas, areaOf(callFrame.url, callFrame.functionName), hits);
    for (const own of stack) add(ours, own, hits);
    for (const child of node.children ?? []) visit(child, stack);
  };
  for (const node of profile.nodes) if (!children.has(node.id)) visit(node.id, new Set());
  return {
    busySamples: busy,
    self: top(self, busy, n),
    areas: top(areas, busy, n),
    ours: top(ours, busy, n),
  };
};
