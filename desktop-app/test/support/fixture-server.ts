import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local pages for browser tests, on 127.0.0.1 only. Each page shows its own origin, can set and
 * read a cookie and localStorage, opens popups and navigates on request, and asks for
 * permissions — everything a hostile or ordinary service page does that the tests must observe.
 */
const PAGE = (title: string, weightMb: number, heapMb: number) => `<!doctype html>
<html><head><meta charset="utf-8"><title>${title}</title></head>
<body>
<h1 id="title">${title}</h1>
<script>
  window.flowdeskFixture = {
    setState: (value) => { document.cookie = 'state=' + value + '; path=/'; localStorage.setItem('state', value); },
    getState: () => ({ cookie: (document.cookie.match(/state=([^;]+)/) || [])[1] || null, storage: localStorage.getItem('state') }),
    notifications: () => Notification.requestPermission(),
    geolocation: () => navigator.permissions.query({ name: 'geolocation' }).then((s) => s.state),
    camera: () => navigator.permissions.query({ name: 'camera' }).then((s) => s.state),
  };
  // ?weight=N keeps N MB of touched memory alive, standing in for a real web app's heap.
  const ballast = new Uint8Array(${weightMb} * 1024 * 1024);
  for (let i = 0; i < ballast.length; i += 4096) ballast[i] = 1;
  window.flowdeskBallast = ballast;
  // ?heap=N keeps N MB of numbers on the JavaScript heap (1 MB = 131072 doubles per array).
  window.flowdeskHeap = Array.from({ length: ${heapMb} }, (_, n) =>
    Array.from({ length: 131072 }, (_, i) => i + n + 0.5),
  );
</script>
</body></html>`;

export interface FixtureServer {
  origin: string;
  close(): Promise<void>;
}

export async function startFixtureServer(label: string): Promise<FixtureServer> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      response.writeHead(404).end();
      return;
    }
    const title = url.searchParams.get('title') ?? `${label} ${url.pathname}`;
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    const weight = Math.min(512, Math.max(0, Number(url.searchParams.get('weight')) || 0));
    const heap = Math.min(512, Math.max(0, Math.floor(Number(url.searchParams.get('heap')) || 0)));
    response.end(PAGE(title.replace(/[<>&"]/g, ''), weight, heap));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
