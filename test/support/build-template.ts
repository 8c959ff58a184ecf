import { buildTemplate } from './template.ts';

const [cacheDir] = process.argv.slice(2);
const result = await buildTemplate(cacheDir ?? '.test-cache', process.env.DATABASE_URL || undefined);
process.stdout.write(result);
