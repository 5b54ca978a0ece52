// The task pane bundle's "zod": the shared core writes `import { z } from "zod"` and uses a handful
// of builders, but `z` as a namespace object keeps every export alive (all locales, JSON Schema
// conversion…), about 450 KB minified. The build aliases "zod" to this module, which offers the
// same `z` with only what the core and the add-in use (the type checker still sees the real zod).
// When the core starts using another builder, add it here: the bundle test fails until then.
import { array, boolean, enum as enumOf, literal, number, object, record, string } from "../../../node_modules/zod/v4/classic/schemas.js";
import { config } from "zod/v4/core";
import en from "zod/v4/locales/en.js";

config(en());
// Zod compiles parsers with `new Function` unless told not to; the pane must work under a strict CSP.
config({ jitless: true });

export const z = { array, boolean, enum: enumOf, literal, number, object, record, string, config };
export default z;
