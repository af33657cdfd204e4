import { createServer } from 'node:net';

/** Asks the OS for a free loopback port (for DynamoDB Local, which needs a number up front). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

/**
 * Rejects with EADDRINUSE when something already listens on the port. DynamoDB Local needs this
 * check first: its readiness probe would otherwise be answered by whatever holds the port.
 */
export const assertPortFree = (port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
