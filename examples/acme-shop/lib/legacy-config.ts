// Old integration, kept for the nightly export job.
const ENCODED = 'ZW5nX2xpdmVfQXU2dTRpaXNDYThjWXdVcW0yT3FFY082';

export function legacyKey(): string {
  return Buffer.from(ENCODED, 'base64').toString('utf8');
}
