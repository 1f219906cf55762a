// Times Readability.js (@mozilla/readability 0.6) on linkedom over an extraction corpus, for
// `newswatch bench extraction`. Pages are read, gunzipped and decoded before timing starts, so the
// figures cover DOM parsing plus Readability only, like the .NET side's "full extraction".
// CPU seconds are reported beside wall-clock seconds so that a busy machine skews the comparison less.
// Usage: node readability-bench.mjs CORPUS_DIR [PASSES]   → one JSON object on stdout.
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

const [corpus, passesArg] = process.argv.slice(2);
if (!corpus) {
  console.error('usage: node readability-bench.mjs CORPUS_DIR [PASSES]');
  process.exit(2);
}
const passes = Math.max(2, Number(passesArg ?? 4));
const dir = join(corpus, 'html');
const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.html.gz') || f.endsWith('.html'))
  .sort()
  .map((f) => {
    const raw = readFileSync(join(dir, f));
    const bytes = f.endsWith('.gz') ? gunzipSync(raw) : raw;
    return { bytes: bytes.length, html: decode(bytes) };
  });
const totalBytes = pages.reduce((n, p) => n + p.bytes, 0);

// Charset from a <meta> in the first 1,024 bytes, else UTF-8: the same signals the page gives a browser.
function decode(bytes) {
  const head = bytes.subarray(0, 1024).toString('latin1');
  const m = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head);
  try {
    return new TextDecoder(m ? m[1] : 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function runPass() {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  let chars = 0;
  for (const page of pages) {
    const { document } = parseHTML(page.html);
    const article = new Readability(document).parse();
    chars += article?.textContent?.length ?? 0;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, chars };
}

const results = [];
for (let i = 0; i < passes; i++) results.push(runPass());
const pass = (r) => ({ seconds: r.seconds, cpuSeconds: r.cpuSeconds });
const out = {
  extractor: 'Readability.js 0.6 + linkedom 0.18',
  pages: pages.length,
  bytes: totalBytes,
  cold: pass(results[0]),
  warm: results.slice(1).map(pass),
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
};
process.stdout.write(JSON.stringify(out) + '\n');
