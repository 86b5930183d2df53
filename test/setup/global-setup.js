// Builds nothing; makes the run's throw-away folder, which holds one n8n user folder per worker, and
// settles which expression engine every worker starts (test/harness/expression-engine.ts):
// N8N_EXPRESSION_ENGINE as given, else n8n's default `vm` where this Node can load isolated-vm, else
// `legacy`. Workers inherit both.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const { requestedExpressionEngine } = require('../harness/expression-engine');

module.exports = async () => {
	process.env.CONVIRZA_TEST_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-convirza-test-'));
	const given = process.env.N8N_EXPRESSION_ENGINE;
	process.env.N8N_EXPRESSION_ENGINE = requestedExpressionEngine();
	console.log(
		`\nExpression engine for workflow runs: ${process.env.N8N_EXPRESSION_ENGINE} on Node ${process.version}` +
			(given ? ' (N8N_EXPRESSION_ENGINE)' : " (N8N_EXPRESSION_ENGINE unset: n8n's default vm where isolated-vm loads, else legacy)"),
	);
};
