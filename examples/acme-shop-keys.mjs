// The fake keys planted in examples/acme-shop: the generator writes them, the example's test
// expects them. Generated, deterministic and fake.
import { fakeKey } from '../test/support/fake-key.mjs';

export const plantedKeys = {
  publicEnv: fakeKey('live', 101),
  localEnv: fakeKey('live', 102),
  productionEnv: fakeKey('live', 103),
  serverRoute: fakeKey('live', 104),
  concatenated: fakeKey('live', 105),
  hidden: fakeKey('live', 106),
  widget: fakeKey('test', 107),
  readme: fakeKey('test', 108),
};
