#!/usr/bin/env node
// The installed `chitieu`: the bundle scripts/build-cli.mjs writes at `npm ci` (the `prepare` step).
require("../dist/chitieu.cjs");
