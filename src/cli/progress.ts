import cliProgress from 'cli-progress';

/** A progress bar on a terminal; silent lines elsewhere (CI logs). */
export function progressBar(label: string, total: number) {
  if (!process.stderr.isTTY) {
    let last = -1;
    return {
      update(done: number) {
        const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (pct >= last + 25 || done === total) {
          last = pct;
          process.stderr.write(`${label}: ${done}/${total}\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (done: number) => bar.update(done),
    stop: () => bar.stop(),
  };
}
