import { loadConfig } from '../src/config.js'; import { openDatabase } from '../src/db/open.js'; import { migrate } from '../src/db/migrate.js';
const db = await openDatabase(loadConfig()); await migrate(db); await db.query('ANALYZE'); await db.close();
