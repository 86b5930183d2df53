// Real audio for the recording endpoint: a short 8 kHz mono PCM WAV (a telephone-quality tone), so
// what a workflow downloads is a file a player opens, not placeholder bytes.
const SAMPLE_RATE = 8000;

/** `seconds` of a tone whose pitch depends on `seed` (each call's recording differs), as WAV bytes. */
export function wavTone(seed: number, seconds = 1): Buffer {
	const samples = Math.round(SAMPLE_RATE * seconds);
	const data = Buffer.alloc(samples * 2);
	const hz = 300 + (seed % 40) * 10;
	for (let i = 0; i < samples; i++) {
		data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE) * 8000), i * 2);
	}
	const header = Buffer.alloc(44);
	header.write('RIFF', 0, 'ascii');
	header.writeUInt32LE(36 + data.length, 4);
	header.write('WAVE', 8, 'ascii');
	header.write('fmt ', 12, 'ascii');
	header.writeUInt32LE(16, 16); // PCM chunk size
	header.writeUInt16LE(1, 20); // PCM
	header.writeUInt16LE(1, 22); // mono
	header.writeUInt32LE(SAMPLE_RATE, 24);
	header.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
	header.writeUInt16LE(2, 32); // block align
	header.writeUInt16LE(16, 34); // bits per sample
	header.write('data', 36, 'ascii');
	header.writeUInt32LE(data.length, 40);
	return Buffer.concat([header, data]);
}
