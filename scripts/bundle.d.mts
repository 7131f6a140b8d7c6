/** See bundle.mjs: one ES module for plain `node` from a TypeScript entry point, packages left external. */
export function bundle(entry: string, outfile: string): Promise<void>;
