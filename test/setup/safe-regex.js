// n8n-workflow runs the regular expressions of node parameters (e.g. a resource locator's "regex"
// validation, checked before every run) in a vm with a 250 ms wall-clock limit. On a loaded
// machine a trivial expression can miss it ("Regular expression execution timed out"), failing a
// test by luck. Tests run the same expressions with the same semantics, without the wall clock;
// a runaway expression still fails, at jest's test timeout.
const { setSafeRegexEngine } = require('n8n-workflow');

const globalFlags = (flags) => (flags?.includes('g') ? flags : `${flags ?? ''}g`);

setSafeRegexEngine({
	exec: (pattern, input, flags) => new RegExp(pattern, flags).exec(input),
	test: (pattern, input, flags) => new RegExp(pattern, flags).test(input),
	replace: (pattern, input, flags, replacement) => input.replace(new RegExp(pattern, flags), replacement),
	matchAll: (pattern, input, flags) => Array.from(input.matchAll(new RegExp(pattern, globalFlags(flags)))),
	split: (pattern, input, flags) => input.split(new RegExp(pattern, flags)),
});
