// Runs one command in its own process group and makes sure that group dies with it:
//   node reaper.js <command> [args...]
// The suite starts every n8n process through this script, with a pipe on its stdin that it never writes
// to. When the suite's process ends for any reason (a failed test, a crash, Ctrl-C, a kill), the pipe
// closes and the whole group is killed: n8n and the task runner it started. SIGTERM or SIGINT to this
// script stops the group gracefully, then by force after REAPER_GRACE_MS (default 20000).
// The command's exit code (or 128 + signal number) becomes this script's exit code.
'use strict';
const { spawn } = require('node:child_process');
const { constants } = require('node:os');

const [command, ...args] = process.argv.slice(2);
if (!command) {
	process.stderr.write('usage: node reaper.js <command> [args...]\n');
	process.exit(2);
}
const graceMs = Number(process.env.REAPER_GRACE_MS ?? 20000);

const child = spawn(command, args, { detached: true, stdio: ['ignore', 'inherit', 'inherit'] });

function killGroup(signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		// the group is gone already
	}
}

let stopping = false;
function stop() {
	if (stopping) return;
	stopping = true;
	killGroup('SIGTERM');
	// a deadline for the graceful stop, not a wait: the group is killed at once if it is still there
	setTimeout(() => killGroup('SIGKILL'), graceMs).unref();
}

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', () => {
	killGroup('SIGKILL');
	process.exit(1);
});
process.stdin.on('error', () => {
	killGroup('SIGKILL');
	process.exit(1);
});
process.stdin.resume();

child.on('error', (error) => {
	process.stderr.write(`reaper: cannot start ${command}: ${error.message}\n`);
	process.exit(127);
});
child.on('exit', (code, signal) => {
	// whatever n8n left behind in its group goes too
	killGroup('SIGKILL');
	process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
});
