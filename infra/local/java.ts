import { spawnSync } from 'node:child_process';

export const MIN_JAVA_MAJOR = 17;
export const JAVA_HINT =
  'DynamoDB Local needs Java 17 or newer: install it (Debian/Ubuntu: `sudo apt-get install -y openjdk-17-jre-headless`) and run again.';

/** The major version of `java` on the PATH, or undefined when there is none. */
export const javaMajorVersion = (): number | undefined => {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error !== undefined || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (match?.[1] === undefined) return undefined;
  const major = Number(match[1]);
  // Java 8 and older report "1.8.0".
  return major === 1 ? Number(match[2]) : major;
};
