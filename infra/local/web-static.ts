import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Serves the built web app (`web/dist`) as CloudFront serves it from S3: the shells under `/app/`
 * (deputies) and `/console/` (staff, later), their hashed assets under `/assets/`, and the runtime
 * `config.json` that the deployment writes — here made from the running stack.
 */
export interface WebConfig {
  apiUrl: string;
  issuer: string;
  clientId: string;
  scope: string;
  /** A configured base map (Tianditu, AMap, Tencent); none locally: the bundled vector layer. */
  baseMap: null | { kind: 'tianditu' | 'amap' | 'tencent'; key: string };
}

const SHELLS = ['app', 'console'] as const;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.geojson': 'application/geo+json',
  '.woff2': 'font/woff2',
};

export type StaticHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export const createWebStatic = (distDir: string, config: () => WebConfig): StaticHandler => {
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = url.pathname;
    if (path === '/config.json') return send(res, 200, TYPES['.json'], JSON.stringify(config()), 'no-store');
    const shell = SHELLS.find((name) => path === `/${name}` || path.startsWith(`/${name}/`));
    if (shell === undefined && !path.startsWith('/assets/')) return false;
    if (path === `/${shell}`) return redirect(res, `/${shell}/`);
    return serveFile(
      res,
      distDir,
      path,
      shell,
      /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')),
    );
  };
};

const serveFile = async (
  res: ServerResponse,
  distDir: string,
  path: string,
  shell: string | undefined,
  gzip: boolean,
) => {
  const file = await readInside(distDir, path);
  if (file !== undefined) {
    // Hashed assets never change; everything else (shell, service worker) is revalidated.
    const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    const type = TYPES[extname(path)];
    // Compressed as CloudFront compresses text on the way out.
    if (gzip && COMPRESSIBLE.has(extname(path)) && file.length > 1024) {
      return send(res, 200, type, compressed(path, file), cache, {
        'content-encoding': 'gzip',
        vary: 'accept-encoding',
      });
    }
    return send(res, 200, type, file, cache);
  }
  if (shell === undefined || extname(path) !== '') return send(res, 404, TYPES['.json'], '{}', 'no-store');
  // A client-side route: the shell's index.html (CloudFront's custom error response does the same).
  const index = await readInside(distDir, `/${shell}/index.html`);
  if (index === undefined) return send(res, 503, TYPES['.html'], notBuilt(), 'no-store');
  return send(res, 200, TYPES['.html'], index, 'no-cache');
};

const readInside = async (root: string, urlPath: string): Promise<Buffer | undefined> => {
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const full = join(root, relative);
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  try {
    const info = await stat(full);
    return info.isFile() ? await readFile(full) : undefined;
  } catch {
    return undefined;
  }
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest', '.geojson']);
const gzipped = new Map<string, { source: Buffer; body: Buffer }>();
const compressed = (path: string, file: Buffer): Buffer => {
  const hit = gzipped.get(path);
  if (hit?.source.equals(file)) return hit.body;
  const body = gzipSync(file);
  gzipped.set(path, { source: file, body });
  return body;
};

const send = (
  res: ServerResponse,
  status: number,
  type: string | undefined,
  body: Buffer | string,
  cache: string,
  extra: Record<string, string> = {},
) => {
  res.writeHead(status, {
    'content-type': type ?? 'application/octet-stream',
    'cache-control': cache,
    ...extra,
  });
  res.end(body);
  return true;
};

const redirect = (res: ServerResponse, location: string) => {
  res.writeHead(301, { location });
  res.end();
  return true;
};

const notBuilt = () =>
  '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>未构建</title>' +
  '<p>应用尚未构建：运行 <code>npm run build:web</code>（npm start 会自动构建）。' +
  'The web app is not built: run <code>npm run build:web</code>.</p></html>';
