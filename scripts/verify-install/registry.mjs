// A read-only npm registry on loopback that serves the freshly packed tarballs of one scope, so
// that the install check adds our packages with the same `yarn add` and `npx` commands a user
// runs against the public registry. Every other package still comes from the machine's registry:
// the app points only our scope here (`npmScopes`), npm gets `--@scope:registry`.
//
//   node registry.mjs <folder of .tgz files> <port>
// Prints "ready" once it listens. Serves packuments and tarballs, nothing else.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const [folder, port] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;
const packages = new Map();

for (const file of readdirSync(folder).filter(f => f.endsWith('.tgz'))) {
  const path = join(folder, file);
  const bytes = readFileSync(path);
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', path, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  const version = {
    ...manifest,
    _id: `${manifest.name}@${manifest.version}`,
    dist: {
      tarball: `${base}/-/${encodeURIComponent(manifest.name)}/${file}`,
      shasum: createHash('sha1').update(bytes).digest('hex'),
      integrity: `sha512-${createHash('sha512')
        .update(bytes)
        .digest('base64')}`,
    },
  };
  const now = new Date().toISOString();
  packages.set(manifest.name, {
    bytes,
    file,
    packument: {
      name: manifest.name,
      'dist-tags': { latest: manifest.version },
      versions: { [manifest.version]: version },
      time: { created: now, modified: now, [manifest.version]: now },
    },
  });
}

createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, base).pathname).slice(1);
  const tarball = path.match(/^-\/(.+)\/([^/]+\.tgz)$/);
  const entry = packages.get(tarball ? tarball[1] : path);
  if (!entry || (tarball && tarball[2] !== entry.file)) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found' }));
  } else if (tarball) {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(entry.bytes);
  } else {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(entry.packument));
  }
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
