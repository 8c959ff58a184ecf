import { buildTemplates } from './template.ts';

const [cacheDir] = process.argv.slice(2);
const result = await buildTemplates(cacheDir ?? '.test-cache', process.env.DATABASE_URL || undefined);
process.stdout.write(JSON.stringify(result));
