// The part of the WebAssembly JS API that prefilter.ts uses: Node has it, but @types/node 20 does
// not declare it (TypeScript's DOM library does, and this package is no DOM code).
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
  }
}
