// The Sheets add-on's messages: the same keys and placeholders in Vietnamese and English.
import { messages } from "../../gas-addon/src/messages";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

it("has every key in both languages with the same placeholders", () => {
  expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.vi).sort());
  for (const key of Object.keys(messages.vi)) expect([key, placeholders(messages.en[key]!)]).toEqual([key, placeholders(messages.vi[key]!)]);
  for (const key of Object.keys(messages.vi)) expect(key.startsWith("gas.")).toBe(true);
});
