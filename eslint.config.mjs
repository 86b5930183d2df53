// n8n's community-node rules, as n8n's verification scanner applies them. Run with --no-inline-config:
// the scanner ignores eslint-disable comments, so we never rely on them.
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import communityNodes from '@n8n/eslint-plugin-community-nodes';

const base = n8nNodesBase.configs;

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', '*.js', '*.mjs'] },
	{
		files: ['package.json'],
		languageOptions: { parser: tsParser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...base.community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		languageOptions: { parser: tsParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...base.credentials.rules,
			// main-repository rule (wants a camel-cased doc slug); community credentials link an http(s) URL,
			// which cred-class-field-documentation-url-not-http-url checks. Off in n8n's own node-cli config too.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		languageOptions: { parser: tsParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...base.nodes.rules,
			// These demand `['main']` string literals, which @n8n/community-nodes/node-connection-type-literal
			// forbids (it wants NodeConnectionTypes.Main): the two plugins contradict each other.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			// Forbids `typeOptions.maxValue` on a Limit parameter; a community node may cap it at the API's page size.
			// All three rules above are off in n8n's own community-node lint config (@n8n/node-cli) as well.
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{
		...communityNodes.configs.recommended,
		files: ['package.json', 'nodes/**/*.ts', 'credentials/**/*.ts'],
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		languageOptions: { parser: tsParser },
		rules: { 'no-console': 'error' },
	},
];
