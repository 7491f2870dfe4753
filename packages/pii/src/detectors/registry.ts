import type { PiiType } from '../pii-type';
import { createAuthHeaderDetector } from './auth-header';
import { createAwsAccessKeyDetector } from './aws-access-key';
import { createAwsSecretKeyDetector } from './aws-secret-key';
import { createCreditCardDetector } from './credit-card';
import { combineDetectors, type Detector } from './detector';
import { createEmailDetector } from './email';
import { createIbanDetector } from './iban';
import { createIpv4Detector } from './ipv4';
import { createIpv6Detector } from './ipv6';
import { createJwtDetector } from './jwt';
import { createMacDetector } from './mac';
import { createPhoneDetector, normalizePhone } from './phone';
import { createPhoneKeyDetector } from './phone-key';
import { createPhoneNotationDetector } from './phone-notations';
import { createPrivateKeyDetector } from './private-key';
import { createHomeDirDetector } from './home-dir';
import { createHostnameDetector } from './hostname';
import { createSecretFormatsDetector } from './secret-formats';
import { createSecretKeyWordsDetector } from './secret-key-words';
import { createSecretKvDetector } from './secret-kv';
import { createSecretLineEndDetector } from './secret-line-end';
import { createSecretPositionDetector } from './secret-position';
import { createSecretShapeDetector } from './secret-shape';
import { createNameValuePairDetector } from './name-value-pair';
import { createSessionIdDetector } from './session-id';
import { createShortSecretProseDetector } from './short-secret-prose';
import { createSnmpCommunityDetector } from './snmp-community';
import { createKeyInProseDetector } from './key-in-prose';
import { createLinkCredentialDetector } from './link-credential';
import { createCallArgumentKeyDetector } from './call-argument-key';
import { createDeviceKeysDetector } from './device-keys';
import { createPasswordInProseDetector } from './password-in-prose';
import { createStreamKeyDetector } from './stream-key';
import { createTokenDetector } from './token';
import { createUrlCredentialsDetector } from './url-credentials';
import { createUserDetector } from './user';
import { createUserActorDetector } from './user-actor';
import { createUserCredentialPairDetector } from './user-credential-pair';
import { createUserAccountKeyDetector } from './user-account-key';
import { createUserChatDetector } from './user-chat';
import { createUserCsvRowDetector } from './user-csv-row';
import { createUserHandOffDetector } from './user-hand-off';
import { createUserEmailLoginDetector } from './user-email-login';
import { createUserFormatsDetector } from './user-formats';
import { createUserGivenNameDetector } from './user-given-name';
import { createUserHandleDetector } from './user-handle';
import { createUserLoginSyntaxDetector } from './user-login-syntax';
import { createUserRanAsDetector } from './user-ran-as';
import { createUserRoleKeyDetector } from './user-role-key';
import { createUserRoleWordDetector } from './user-role-word';
import { createUserSqlGrantDetector } from './user-sql-grant';
import { createUserSubjectDetector } from './user-subject';
import { createUserTableDetector } from './user-table';
import { createUserUidDetector } from './user-uid';
import { guardedUserDetector } from './user-guards';
import { createUsSsnDetector } from './us-ssn';

export const detectorFactories: Readonly<Record<PiiType, () => Detector>> = {
  email: createEmailDetector,
  phone: () =>
    combineDetectors(
      'phone',
      [createPhoneDetector(), createPhoneKeyDetector(), createPhoneNotationDetector()],
      normalizePhone,
    ),
  credit_card: createCreditCardDetector,
  iban: createIbanDetector,
  us_ssn: createUsSsnDetector,
  ipv4: createIpv4Detector,
  ipv6: createIpv6Detector,
  mac: createMacDetector,
  jwt: createJwtDetector,
  auth_header: createAuthHeaderDetector,
  aws_access_key: createAwsAccessKeyDetector,
  aws_secret_key: createAwsSecretKeyDetector,
  private_key: createPrivateKeyDetector,
  url_credentials: createUrlCredentialsDetector,
  secret_kv: () =>
    combineDetectors('secret_kv', [
      createSecretKvDetector(),
      createSecretPositionDetector(),
      createSecretFormatsDetector(),
      createSecretKeyWordsDetector(),
      createSecretShapeDetector(),
      createSecretLineEndDetector(),
      createSessionIdDetector(),
      createShortSecretProseDetector(),
      createNameValuePairDetector(),
      createSnmpCommunityDetector(),
      createStreamKeyDetector(),
      createKeyInProseDetector(),
      createLinkCredentialDetector(),
      createCallArgumentKeyDetector(),
      createDeviceKeysDetector(),
      createPasswordInProseDetector(),
    ]),
  token: createTokenDetector,
  // Every user rule's candidates pass the guards of user-guards.ts (placeholders, keys, role nouns, record ids).
  user: () =>
    guardedUserDetector([
      createUserDetector(),
      createUserFormatsDetector(),
      createUserActorDetector(),
      createUserGivenNameDetector(),
      createUserTableDetector(),
      createUserCsvRowDetector(),
      createUserRoleKeyDetector(),
      createUserCredentialPairDetector(),
      createUserEmailLoginDetector(),
      createUserLoginSyntaxDetector(),
      createUserUidDetector(),
      createUserRoleWordDetector(),
      createUserHandleDetector(),
      createUserSqlGrantDetector(),
      createUserSubjectDetector(),
      createUserRanAsDetector(),
      createUserAccountKeyDetector(),
      createUserHandOffDetector(),
      createUserChatDetector(),
    ]),
  home_dir: createHomeDirDetector,
  hostname: createHostnameDetector,
};
