import { readFileSync, cpSync, rmSync } from 'node:fs';
import { openPglite } from './src/db/pglite.ts';
const bundle = '/work/main/.test-cache/postgis-tests.tar.gz';
const dump = readFileSync('/work/main/.test-cache/template-demo.tar');
const res: Record<string, number[]> = { blob: [], dir: [] };
for (let i = 0; i < 8; i++) {
  const kind = i % 2 ? 'dir' : 'blob';
  const c0 = process.cpuUsage();
  const dir = `/tmp/tpl-copy-${i}`;
  let db;
  if (kind === 'dir') { cpSync('/tmp/tpl-dir', dir, { recursive: true }); db = await openPglite({ dataDir: dir, postgisBundle: bundle }); }
  else db = await openPglite({ loadDataDir: new Blob([dump]), postgisBundle: bundle });
  await db.query(`select count(*) from districts where st_area(geom) > 0`);
  await db.query(`select count(*) from reports`);
  const c = process.cpuUsage(c0);
  res[kind]!.push(Math.round((c.user + c.system) / 1000));
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(res);
