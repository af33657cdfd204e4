/**
 * Runs the local stack in a process of its own, so a test can SIGKILL it (with its DynamoDB Local) and
 * start it again on the same data folder and ports. Prints one JSON line with the URLs and devices.
 *   node --import tsx test/support/durable-stack-child.ts <dataDir> '<ports JSON>'
 */
import { startLocalStack } from '../../infra/local/local-stack.ts';
import { PROJECT_ROOT } from './local-stack.ts';

const [dataDir, portsJson] = process.argv.slice(2);
if (dataDir === undefined || portsJson === undefined) throw new Error('usage: <dataDir> <ports JSON>');
const stack = await startLocalStack({
  projectRoot: PROJECT_ROOT,
  dataDir,
  inMemory: false,
  ports: JSON.parse(portsJson) as Record<string, number>,
});
process.stdout.write(
  `${JSON.stringify({ urls: stack.urls, devices: stack.devices, replayed: stack.ruleEngine.stats.replayed })}\n`,
);
process.on('SIGTERM', () => void stack.stop().then(() => process.exit(0)));
