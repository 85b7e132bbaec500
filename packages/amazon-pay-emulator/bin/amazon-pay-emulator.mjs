#!/usr/bin/env node
// The emulator is written in TypeScript and run from source: register tsx, then start the CLI.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
