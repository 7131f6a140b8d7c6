/**
 * The split of saved perf recordings (`npm run bench -- --perf` writes them), side by side:
 *
 *   node --import tsx bench/perf-split.ts FILE MOVES [FILE MOVES ...]
 *
 * MOVES is the number of moves of the recorded window (a step's `moves` in the run's JSON).
 */
import { renderSplits, splitPerf } from './perf';

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2 !== 0) {
  console.error('usage: node --import tsx bench/perf-split.ts FILE MOVES [FILE MOVES ...]');
  process.exit(2);
}
const columns = [];
for (let i = 0; i < args.length; i += 2) {
  columns.push({ label: args[i]!.replace(/^.*\//, '').replace(/\.data$/, ''), split: splitPerf(args[i]!, Number(args[i + 1])) });
}
console.log(renderSplits(columns));
