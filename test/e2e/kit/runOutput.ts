import type { IDataObject, IRun, ITaskData } from 'n8n-workflow';

/**
 * The run that `n8n execute --id … --rawOutput` printed: a JSON object from a line `{` to the next
 * line `}`, between n8n's log lines.
 */
export function parseRawOutput(stdout: string): IRun {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	const end = lines.indexOf('}', start);
	if (start === -1 || end === -1) throw new Error(`no run data in n8n's output:\n${stdout.slice(-3000)}`);
	return JSON.parse(lines.slice(start, end + 1).join('\n')) as IRun;
}

export interface OutputItem {
	json: IDataObject;
	pairedItem?: { item: number; input?: number } | Array<{ item: number }>;
}

/** The node's only run, failing with the node's error when it has one. */
export function nodeRun(run: IRun, nodeName: string): ITaskData {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs || runs.length === 0) throw new Error(`"${nodeName}" did not run`);
	if (runs[0].error) throw new Error(`"${nodeName}" failed: ${runs[0].error.message}`);
	return runs[0];
}

/** Items of one output of a node's only run (0: success, 1: the error output when it is used). */
export function nodeOutput(run: IRun, nodeName: string, outputIndex = 0): OutputItem[] {
	return (nodeRun(run, nodeName).data?.main?.[outputIndex] ?? []) as OutputItem[];
}
