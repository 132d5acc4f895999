// npm run test:money-property [-- --runs 10000] [--seed n]: the money core's property test (tests/core/moneyProperty.test.ts)
// with 10,000 random sequences instead of CI's 1,000, on a fresh seed unless one is given; a failure prints the seed
// and the shrunk counterexample to replay (MONEY_PROPERTY_SEED=… MONEY_PROPERTY_RUNS=… npx vitest run …).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const runs = option('runs', '10000');
const seed = option('seed', String(Math.floor(Math.random() * 0x7fffffff)));
if (!/^\d+$/.test(runs) || !/^-?\d+$/.test(seed)) {
  console.error('用法 / Usage: npm run test:money-property -- [--runs 10000] [--seed 12345]');
  process.exit(2);
}
console.log(`money property: ${runs} runs, seed ${seed}`);
const started = Date.now();
const result = spawnSync('npx', ['vitest', 'run', 'tests/core/moneyProperty.test.ts'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, MONEY_PROPERTY_RUNS: runs, MONEY_PROPERTY_SEED: seed },
});
const ok = result.status === 0;
console.log(`money property: seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
