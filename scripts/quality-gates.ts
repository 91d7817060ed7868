// Entry point of `npm run gates`: builds the bundled site and a generated one, runs every
// quality gate on both, prints one line per gate, exits 1 if any failed.
import { parseArgs } from 'node:util';
import { bundledGateSite, generatedGateSite } from './lib/gates/gate-sites.ts';
import { runGates, type GateResult } from './lib/gates/run-gates.ts';

const { values } = parseArgs({ options: { generated: { type: 'string', default: '300' }, port: { type: 'string', default: '4173' } } });
const port = Number(values.port);
const log = (line: string): void => { process.stdout.write(`${line}\n`); };
const results: GateResult[] = [];

results.push(...await runGates(await bundledGateSite(process.cwd(), port), process.cwd(), log));
results.push(...await runGates(await generatedGateSite(process.cwd(), port, Number(values.generated)), process.cwd(), log));

const failed = results.filter((result) => !result.passed);
log(`\n${results.length - failed.length} passed, ${failed.length} failed`);
process.exitCode = failed.length > 0 ? 1 : 0;
