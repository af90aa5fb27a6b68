/**
 * Serves the benchmark stack in its own process, so the load generator does not share the app's
 * event loop. Prints one JSON line { url, programId, tokens } when ready; stops on SIGTERM.
 */
import { startBenchStack } from './stack.js';

const connections = Number(process.argv[2] ?? 20);
const stack = await startBenchStack(connections);
const manager = await stack.token('maria');
const headers = { authorization: `Bearer ${manager}`, 'content-type': 'application/json' };
const created = await fetch(`${stack.url}/api/v1/programs`, {
  method: 'POST',
  headers,
  body: JSON.stringify({
    code: `BENCH-${Date.now()}`,
    name: 'Benchmark program',
    currency: 'USD',
    maxAmount: '5000.00',
    voucherValidityDays: 30,
    treatmentTypes: [{ code: 'surgery', label: 'Urgent surgery' }],
    reasonCodes: [{ code: 'eligible', label: 'Eligible' }],
    stages: [
      { name: 'Social worker', kind: 'review', officer: { type: 'user', ref: 'samuel' } },
      { name: 'Junior officer', kind: 'review', officer: { type: 'user', ref: 'joy' } },
      { name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: 'sena' } },
    ],
  }),
});
const program = (await created.json()) as { id: string; version: number };
await fetch(`${stack.url}/api/v1/programs/${program.id}`, {
  method: 'PATCH',
  headers,
  body: JSON.stringify({ version: program.version, state: 'open' }),
});
const tokens = await Promise.all(stack.applicants.slice(0, connections).map((u) => stack.token(u)));
process.stdout.write(`${JSON.stringify({ url: stack.url, programId: program.id, tokens })}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.removeAllListeners(signal);
process.on('SIGTERM', () => {
  void stack.stop().then(() => process.exit(0));
});
