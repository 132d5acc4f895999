// npm run crash -- --kills 200 [--seed N] [--max-writes 12] [--dir folder]: the crash test's long form, one line per
// kill, then the figures; exit code 1 on the first problem (the database is kept for a look).
import { runCrashTest } from './parent';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const kills = Number(option('kills') ?? 200);
  const seed = option('seed') === undefined ? undefined : Number(option('seed'));
  const maxWrites = option('max-writes') === undefined ? undefined : Number(option('max-writes'));
  if (!Number.isInteger(kills) || kills < 1) throw new Error('--kills: a whole number ≥ 1');
  const s = await runCrashTest({ kills, seed, maxWrites, dir: option('dir'), log: (line) => console.log(line) });
  console.log(
    [
      `seed ${s.seed}: ${s.kills} kills (${s.earlyKills} while the database was opening) in ${(s.elapsedMs / 1000).toFixed(1)} s`,
      `writes reported as committed: ${s.reported.orders} orders posted, ${s.reported.collections} collections, ${s.reported.imports} imports, ${s.reported.reversals} reversals (红冲)`,
      `reported writes found intact, summed over the checks after each kill: ${s.writesChecked}`,
      `in the database at the end: ${s.documents.orders} posted orders, ${s.documents.collections} collections, ${s.documents.importBatches} import batches, ${s.documents.reversals} reversals (${s.committedUnreported} committed but cut off before their report)`,
      s.problems.length === 0
        ? 'every check passed'
        : `FAILED at kill ${s.failedAtKill} (database kept: ${s.dbPath}):\n  ${s.problems.join('\n  ')}`,
    ].join('\n'),
  );
  process.exitCode = s.problems.length === 0 ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
