// The action flow (main.ts) lands once the scanner API it glues together is exported.
export {};
