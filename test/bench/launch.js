// `npm run bench`: runs run-bench.ts on Node 24, the Node n8n 2.x requires, where isolated-vm loads and
// so n8n's default expression engine (vm) runs. On an older Node it installs Node 24 into .ci/node24
// (.ci/node24.sh, as CI does) and runs the bench there; if that fails, it runs here on the legacy
// engine and every table says so.
const { execFileSync, spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const major = Number(process.versions.node.split('.')[0]);
const env = { ...process.env };
let node = process.execPath;

if (major < 24) {
	try {
		const bin = execFileSync('bash', [join(root, '.ci', 'node24.sh')], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		}).trim();
		node = join(bin, 'node');
		process.stderr.write(`[bench] Node ${process.version} here; running on Node 24 from ${node}\n`);
	} catch (error) {
		const note =
			`Node 24 could not be installed (${error.message.split('\n')[0]}), so this bench ran on Node ${process.version} ` +
			"with the LEGACY expression engine, not n8n 2.x's default vm: its numbers are not what n8n 2.x costs.";
		process.stderr.write(`\n[bench] !!! ${note}\n\n`);
		env.N8N_EXPRESSION_ENGINE = 'legacy';
		env.BENCH_FALLBACK_NOTE = note;
	}
}

const args = ['--expose-gc', '-r', 'ts-node/register/transpile-only', join(__dirname, 'run-bench.ts')];
const result = spawnSync(node, args, { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
