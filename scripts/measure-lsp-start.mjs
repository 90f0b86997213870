#!/usr/bin/env node
/**
 * Time to answer `initialize`: spawns `node dist/cli/main.js lsp` (or the command given after
 * `--`), sends `initialize` over stdio and waits for its reply; also a bare `node -e ""` start in
 * the same run. Prints the median wall time and the median CPU time (user+sys of the child, read
 * from /proc after the reply) of N runs (default 10).
 *
 *     node scripts/measure-lsp-start.mjs [runs]
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const runs = Number(process.argv[2] ?? 10);
const ticks = 100; // USER_HZ on Linux

/** CPU seconds (user+sys) of a live process and its threads. */
function cpuOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}

function frame(body) {
  const json = JSON.stringify(body);
  return `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
}

function once() {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ["dist/cli/main.js", "lsp"], { stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (!out.includes('"id":1')) return;
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      const cpu = cpuOf(child.pid) * 1000;
      child.kill();
      resolve({ wall, cpu });
    });
    child.on("error", reject);
    child.stdin.write(frame({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } }));
  });
}

function bare() {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    child.on("exit", () => resolve(Number(process.hrtime.bigint() - t0) / 1e6));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const lsp = [];
const node = [];
for (let i = 0; i < runs; i++) {
  lsp.push(await once());
  node.push(await bare());
}
const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`load ${load}; ${runs} runs, medians`);
console.log(`sla lsp initialize: wall ${median(lsp.map((r) => r.wall)).toFixed(0)} ms, cpu ${median(lsp.map((r) => r.cpu)).toFixed(0)} ms`);
console.log(`node -e "":         wall ${median(node).toFixed(0)} ms`);
