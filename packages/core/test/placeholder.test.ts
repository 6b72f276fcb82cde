import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findKeys, isPlaceholder, placeholderReason, type PlaceholderReason } from '../src/index.js';
import { keyOf, keyKind, randomBody } from './support.js';

describe('placeholders', () => {
  it.each<[string, string, PlaceholderReason]>([
    // The Engium docs' own example.
    ['the docs example', keyOf('live', 'xxxxxxxxxxxx'), 'mostly-one-character'],
    ['the docs example, upper case', keyOf('live', 'XXXXXXXXXXXXXXXX'), 'mostly-one-character'],
    ['zeros', keyOf('test', '000000000000'), 'mostly-one-character'],
    ['a long run of zeros', keyOf('live', '0'.repeat(40)), 'mostly-one-character'],
    ['a mask with a visible tail', keyOf('live', 'xxxxxxxx1234'), 'mostly-one-character'],
    ['stars of a single letter', keyOf('live', 'aaaaaaaaaaaaaaaaaaaaaaaa'), 'mostly-one-character'],
    ['YOUR…', keyOf('live', 'YOURAPIKEYHERE'), 'marker-word'],
    ['YOUR… with digits', keyOf('live', 'YOURKEY1234567890XYZ'), 'marker-word'],
    ['your… lower case', keyOf('test', 'yourtestkey2024abcd'), 'marker-word'],
    ['Your… capitalised words', keyOf('live', 'YourLiveKeyGoesHereNow1'), 'marker-word'],
    ['REPLACE…', keyOf('live', 'REPLACEWITHREALKEY'), 'marker-word'],
    ['replace_me as text', 'eng_live_replace-me-with-your-key', 'marker-word'],
    ['CHANGEME', keyOf('test', 'CHANGEME00000001'), 'marker-word'],
    ['example…', keyOf('live', 'example1key2value'), 'marker-word'],
    ['<…> template', 'eng_live_<your-api-key>', 'template-syntax'],
    ['${…} template', 'eng_live_${ENGIUM_KEY}', 'template-syntax'],
    ['{{…}} template', 'eng_test_{{ secrets.ENGIUM }}', 'template-syntax'],
    ['[…] template', 'eng_live_[REDACTED]', 'template-syntax'],
    ['ascending digits then letters', keyOf('live', '1234567890ab'), 'counting-run'],
    ['ascending letters', keyOf('live', 'abcdefghijkl'), 'counting-run'],
    ['ascending, mixed case', keyOf('test', 'AbCdEfGhIjKlMn'), 'counting-run'],
    ['descending', keyOf('live', '987654321zyx'), 'counting-run'],
    ['descending letters', keyOf('live', 'zyxwvutsrqponm'), 'counting-run'],
    ['digits counting round twice', keyOf('test', '12345678901234567890'), 'counting-run'],
    ['plain words in camel case', keyOf('live', 'MyApiKeyHere'), 'made-of-words'],
    ['plain words in lower case', keyOf('test', 'testsecretvalue'), 'made-of-words'],
    ['plain words in upper case', keyOf('live', 'SECRETTOKENVALUE'), 'made-of-words'],
    ['plain words with a short number', keyOf('live', 'myengiumkey2024'), 'made-of-words'],
    ['more words', keyOf('test', 'FakeTokenForTesting'), 'made-of-words'],
    ['words for docs', keyOf('live', 'FakeKeyForDocs'), 'made-of-words'],
    ['lorem ipsum', keyOf('test', 'loremipsumdemo'), 'made-of-words'],
    ['a body alone', 'xxxxxxxxxxxx', 'mostly-one-character'],
    // Key-shaped words: feature flags and experiments named in camelCase or PascalCase.
    ['a camelCase experiment name', keyOf('test', 'checkoutFlowRedesignExperiment'), 'identifier-words'],
    ['a PascalCase flag name', keyOf('live', 'AppointmentReminderEmailsVariant'), 'identifier-words'],
    ['a long camelCase name', keyOf('test', 'onboardingChecklistProgressTrackerWidget'), 'identifier-words'],
  ])('%s', (_name, candidate, reason) => {
    expect(placeholderReason(candidate)).toBe(reason);
    expect(isPlaceholder(candidate)).toBe(true);
  });

  it.each([
    ['a random body', keyOf('live', 'a8Kd93LmQz7Xw2Pq')],
    ['a random body of 12', keyOf('test', 'Qm7x2KpL9wZr')],
    ['a random lower-case body', keyOf('live', 'k3j9x0q2m7v1z8')],
    // Both were drawn at random, and both were taken for placeholders by looser rules.
    ['a random body that starts with a marker word in mixed case', keyOf('live', 'YOUrsDncB4Vg3')],
    ['a random body where one letter, in either case, fills half', keyOf('live', 'wGsGGgGiXG9gR')],
    ['a random body that starts with a word', keyOf('live', 'sampleQ7xZ2mKp9L')],
    ['words with a long number', keyOf('live', 'mykey83920174650')],
    ['words in random case', keyOf('test', 'mYaPiKeYhErEq')],
    ['a short counting run inside a random body', keyOf('live', '1234Xq8Lm2Pz7Kw')],
    ['a body with one repeated letter under two thirds', keyOf('live', 'aaaaaaaQ7xZ2mK')],
    // Word-shaped, but too short for the shape to rule out chance, or not shaped as words.
    ['a short camelCase name', keyOf('test', 'checkoutFlowExperiment')],
    ['camelCase with a three-letter word', keyOf('test', 'newCheckoutFlowRedesignExperiment')],
    ['a word of consonants', keyOf('live', 'checkoutFlowRdsgnxprmntRedesignExperiment')],
    ['camelCase with digits', keyOf('test', 'checkoutFlowRedesignExperiment2')],
    ['two capitals in a row', keyOf('test', 'checkoutFLowRedesignExperimentVariant')],
  ])('is not fooled by %s', (_name, candidate) => {
    expect(placeholderReason(candidate)).toBeUndefined();
    expect(findKeys(` ${candidate} `)).toHaveLength(1);
  });

  it('leaves placeholders out of findKeys unless asked, and then marks them', () => {
    const docs = keyOf('live', 'xxxxxxxxxxxx');
    const text = `curl -H "Authorization: Bearer ${docs}"`;
    expect(findKeys(text)).toEqual([]);
    expect(findKeys(text, { includePlaceholders: true })).toMatchObject([{ key: docs, index: 31, placeholder: 'mostly-one-character' }]);
  });

  it('classifies a placeholder hidden in an encoding like a plain one', () => {
    const docs = keyOf('live', 'xxxxxxxxxxxx');
    const encoded = Buffer.from(docs).toString('base64');
    expect(findKeys(encoded)).toEqual([]);
    expect(findKeys(encoded, { includePlaceholders: true })).toMatchObject([{ encoding: 'base64', placeholder: 'mostly-one-character' }]);
  });
});

describe('placeholders: properties', () => {
  it('never classifies a random body of 12 to 64 letters and digits as a placeholder', () => {
    fc.assert(
      fc.property(keyKind, randomBody(12, 64), (kind, body) => {
        const key = keyOf(kind, body);
        expect(isPlaceholder(key)).toBe(false);
        expect(isPlaceholder(body)).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });

  it('always reports a random key found in text', () => {
    fc.assert(
      fc.property(keyKind, randomBody(12, 64), (kind, body) => {
        expect(findKeys(`"${keyOf(kind, body)}"`)).toHaveLength(1);
      }),
      { numRuns: 2_000 },
    );
  });

  it('classifies any body made of one repeated character as a placeholder', () => {
    fc.assert(
      fc.property(keyKind, fc.constantFrom(...'xX0aZ9'), fc.integer({ min: 12, max: 64 }), (kind, char, length) => {
        expect(placeholderReason(keyOf(kind, char.repeat(length)))).toBe('mostly-one-character');
      }),
    );
  });

  it('classifies camelCase and PascalCase names of 29 letters or more made of words as key-shaped words', () => {
    const words = ['checkout', 'flow', 'redesign', 'experiment', 'banner', 'variant', 'pricing', 'page', 'enable', 'modal', 'onboarding', 'tooltip'];
    fc.assert(
      fc.property(keyKind, fc.array(fc.constantFrom(...words), { minLength: 2, maxLength: 8 }), fc.boolean(), (kind, parts, pascal) => {
        const body = parts.map((word, index) => (index === 0 && !pascal ? word : word[0]!.toUpperCase() + word.slice(1))).join('');
        fc.pre(body.length >= 29);
        expect(placeholderReason(keyOf(kind, body))).toBe('identifier-words');
      }),
    );
  });

  it('classifies any ascending run through digits and letters as a placeholder', () => {
    const order = '0123456789abcdefghijklmnopqrstuvwxyz';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: order.length - 12 }), fc.integer({ min: 12, max: 36 }), (start, length) => {
        const body = order.slice(start, start + length);
        fc.pre(body.length >= 12);
        expect(isPlaceholder(keyOf('live', body))).toBe(true);
      }),
    );
  });
});
