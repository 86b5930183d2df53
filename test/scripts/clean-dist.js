// Removes dist/ before a build so that files of deleted sources never ship.
const { rmSync } = require('node:fs');
const { join } = require('node:path');

rmSync(join(__dirname, '..', '..', 'dist'), { recursive: true, force: true });
