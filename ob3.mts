import { readFileSync, cpSync, rmSync, existsSync } from 'node:fs';
import { openPglite } from './src/db/pglite.ts';
const bundle = '/work/main/.test-cache/postgis-tests.tar.gz';
if (!existsSync('/tmp/tpl-dir/PG_VERSION')) {
  rmSync('/tmp/tpl-dir', { recursive: true, force: true });
  const db = await openPglite({ dataDir: '/tmp/tpl-dir', loadDataDir: new Blob([readFileSync('/work/main/.test-cache/template-demo.tar')]), postgisBundle: bundle });
  await db.close();
}
for (let i = 0; i < 3; i++) {
  const t = performance.now(); const c0 = process.cpuUsage();
  const dir = `/tmp/tpl-copy-${i}`;
  cpSync('/tmp/tpl-dir', dir, { recursive: true });
  const t0 = performance.now();
  const db = await openPglite({ dataDir: dir, postgisBundle: bundle });
  const t1 = performance.now();
  const r = await db.query(`select count(*) from districts where st_area(geom) > 0`);
  const t2 = performance.now(); const c = process.cpuUsage(c0);
  console.log(`copy ${Math.round(t0-t)} ms open ${Math.round(t1-t0)} ms, first query ${Math.round(t2-t1)} ms, cpu ${Math.round((c.user+c.system)/1000)} ms`, r.rows[0]);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
