import { measureRouting } from './measure-routing.js';

// Run by tools/bench (tools may not import apps): one JSON line on stdout.
process.stdout.write(`${JSON.stringify(measureRouting())}\n`);
