import type { IRun } from 'n8n-workflow';

import { n8nCommand, tail, type CommandResult } from './n8nProcess';
import { parseRawOutput } from './runOutput';

/**
 * n8n 2.41.1's `execute` now and then dies of a segmentation fault (exit 139) while shutting down,
 * after it printed the whole run: seen on this machine with and without expressions in the
 * workflow, for the same workflow that exits 0 on the next try. The printed run still decides.
 */
const CRASHED_AFTER_PRINTING = 139;

/** `n8n execute --id=<id> --rawOutput` in `userFolder`: the run it printed, and everything n8n wrote. */
export async function executeWorkflow(
	userFolder: string,
	workflowId: string | undefined,
	options: { timeoutMs?: number } = {},
): Promise<{ run: IRun; command: CommandResult }> {
	if (!workflowId) throw new Error('the workflow has no id');
	const command = await n8nCommand(userFolder, ['execute', `--id=${workflowId}`, '--rawOutput'], options);
	const printed = command.code === CRASHED_AFTER_PRINTING && /^\}$/m.test(command.stdout);
	if (command.code !== 0 && !printed) {
		throw new Error(`n8n execute --id=${workflowId} exited with ${command.code}:\n${tail(command.output)}`);
	}
	return { run: parseRawOutput(command.stdout), command };
}
