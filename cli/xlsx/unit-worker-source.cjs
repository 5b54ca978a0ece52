// The reading worker from the TypeScript sources (`npm run chitieu`, the tests): tsx compiles
// unit-worker.ts as it is loaded. The installed `chitieu` starts dist/chitieu-unit-worker.cjs instead.
"use strict";
require("tsx/cjs/api").register();
require("./unit-worker.ts");
