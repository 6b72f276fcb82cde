import noHardcodedKey from './no-hardcoded-key.js';
import noKeyInClient from './no-key-in-client.js';
import requireAuthorizationHeader from './require-authorization-header.js';
import requireJsonContentType from './require-json-content-type.js';
import requireTenantHeader from './require-tenant-header.js';
import validTenantId from './valid-tenant-id.js';

export const rules = {
  'no-hardcoded-key': noHardcodedKey,
  'no-key-in-client': noKeyInClient,
  'require-authorization-header': requireAuthorizationHeader,
  'require-json-content-type': requireJsonContentType,
  'require-tenant-header': requireTenantHeader,
  'valid-tenant-id': validTenantId,
};
