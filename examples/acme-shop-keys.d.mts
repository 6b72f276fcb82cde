export declare const plantedKeys: Record<'publicEnv' | 'localEnv' | 'productionEnv' | 'serverRoute' | 'concatenated' | 'hidden' | 'widget' | 'readme', string>;
