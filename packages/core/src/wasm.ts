/**
 * The part of the WebAssembly API this project uses. Node has it, but @types/node 20 does not
 * declare it (TypeScript's DOM library does, and these packages are no DOM code).
 */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

/** A module's exports, from its bytes in base64 (as scripts/assemble-wasm.mjs writes them). */
export function instantiateWasm(base64: string): Record<string, unknown> {
  const { Module, Instance } = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
  return new Instance(new Module(Buffer.from(base64, 'base64'))).exports;
}
