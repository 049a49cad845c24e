// har-validator ships no types; only what the export tests use.
declare module 'har-validator' {
  import type { Har } from 'har-format';

  /** Rejected with a HARError whose `errors` are the ajv errors. */
  const validate: { har(data: unknown): Promise<Har> };
  export default validate;
}
