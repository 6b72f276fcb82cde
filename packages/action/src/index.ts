// The action's glue arrives with issue 7.
export {};
