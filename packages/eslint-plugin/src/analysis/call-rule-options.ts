/** The options the two call-checking rules share, with their schema. */
export interface CallRuleOptions {
  /** Also report calls whose headers cannot be resolved (spreads of unknown values, headers from unknown calls). */
  reportUnknown?: boolean;
  /** Resolve imported constants and header types with type information (needs `parserOptions.projectService`). */
  typeAware?: boolean;
}

export const CALL_RULE_SCHEMA = [
  {
    type: 'object',
    additionalProperties: false,
    properties: {
      reportUnknown: {
        type: 'boolean',
        description: 'Also report calls whose headers cannot be resolved statically (on in the strict config).',
      },
      typeAware: {
        type: 'boolean',
        description: 'Use type information to resolve imported URLs and header objects (on in the recommendedTypeChecked config; needs parserOptions.projectService).',
      },
    },
  },
] as const;

export const CALL_RULE_DEFAULTS: [Required<CallRuleOptions>] = [{ reportUnknown: false, typeAware: false }];
