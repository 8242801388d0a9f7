#!/usr/bin/env node
import { processIo } from "../lib/cli/io.js";
import { main } from "../lib/cli/main.js";

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`guardrails: ${err?.stack ?? err}\n`);
    process.exitCode = 2;
  },
);
